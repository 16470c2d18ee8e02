using System.Security.Cryptography;
using System.Text;

namespace Azure.Data.Tables;

/// <summary>A storage account name and key, used to sign requests with Shared Key.</summary>
public class TableSharedKeyCredential
{
    private byte[] _accountKey;

    /// <summary>Creates a credential from the account name and its base64 access key.</summary>
    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _accountKey = DecodeKey(accountKey);
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>Replaces the key, e.g. after a key rotation; clients built on this credential use it at once.</summary>
    public void SetAccountKey(string accountKey) => Volatile.Write(ref _accountKey, DecodeKey(accountKey));

    internal string ComputeHmacSha256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(Volatile.Read(ref _accountKey), Encoding.UTF8.GetBytes(message)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        return Convert.FromBase64String(accountKey);
    }
}
