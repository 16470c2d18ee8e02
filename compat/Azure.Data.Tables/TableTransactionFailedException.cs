using System.Globalization;

namespace Azure.Data.Tables;

/// <summary>Thrown when a transaction fails; no action of it took effect.</summary>
public class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Wraps the failure the service reported for the transaction.</summary>
    public TableTransactionFailedException(RequestFailedException requestFailedException)
        : base(
            (requestFailedException ?? throw new ArgumentNullException(nameof(requestFailedException))).Status,
            requestFailedException.Message,
            requestFailedException.ErrorCode,
            requestFailedException.InnerException)
    {
        foreach (object key in requestFailedException.Data.Keys)
        {
            Data[key] = requestFailedException.Data[key];
        }

        if (Data[TableErrorParser.FailedEntityIndexKey] is string index
            && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
        {
            FailedTransactionActionIndex = parsed;
        }
    }

    /// <summary>The position, in the submitted actions, of the action the service rejected, if it said.</summary>
    public int? FailedTransactionActionIndex { get; }
}
