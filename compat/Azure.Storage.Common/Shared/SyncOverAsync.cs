using System.Diagnostics;

namespace Azure.Storage;

/// <summary>
/// Each operation is written once as "XxxInternal(bool async, …)". With async: false it only ever calls the
/// synchronous pipeline, so its task has already completed when the sync API unwraps it here.
/// </summary>
internal static class SyncOverAsync
{
    public static T EnsureCompleted<T>(this Task<T> task)
    {
        Debug.Assert(task.IsCompleted, "A synchronous call awaited something that had not completed.");
        return task.GetAwaiter().GetResult();
    }
}
