using System.Diagnostics;

namespace Azure.Data.Tables;

internal static class SyncOverAsync
{
    /// <summary>
    /// Unwraps a ValueTask from a core method run with <c>async: false</c>. Such a method takes only
    /// synchronous paths, so the task is already complete and no thread blocks.
    /// </summary>
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "A core method run with async: false must complete synchronously.");
        return task.GetAwaiter().GetResult();
    }
}
