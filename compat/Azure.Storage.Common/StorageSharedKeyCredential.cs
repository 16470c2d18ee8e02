using System.Security.Cryptography;
using System.Text;

namespace Azure.Storage;

/// <summary>A storage account name and key, used to sign requests (Shared Key) and shared access signatures.</summary>
public class StorageSharedKeyCredential
{
    private byte[] _accountKey;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        SetAccountKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Replaces the key, e.g. after a rotation; clients holding this credential sign with the new key from then on.</summary>
    public void SetAccountKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        Volatile.Write(ref _accountKey, Convert.FromBase64String(accountKey));
    }

    internal string ComputeHMACSHA256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(Volatile.Read(ref _accountKey), Encoding.UTF8.GetBytes(message)));
}
