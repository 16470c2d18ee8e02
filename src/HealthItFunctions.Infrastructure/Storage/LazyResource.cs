namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Creates a table, container or queue once per process, on first use: one transaction at start instead of one
/// per operation. A failed creation is retried by the next caller.
/// </summary>
internal sealed class LazyResource<T>(Func<CancellationToken, Task<T>> create) where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_value is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _value ??= await create(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
