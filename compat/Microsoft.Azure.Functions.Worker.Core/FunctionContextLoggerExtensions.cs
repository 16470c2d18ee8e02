using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker;

/// <summary><see cref="FunctionContext"/> extensions for <see cref="ILogger"/>.</summary>
public static class FunctionContextLoggerExtensions
{
    public static ILogger<T> GetLogger<T>(this FunctionContext context)
    {
        return context.InstanceServices.GetService<ILogger<T>>()!;
    }

    public static ILogger GetLogger(this FunctionContext context, string categoryName)
    {
        // The official worker files user loggers under this category so the host can tell them from its own.
        return context.InstanceServices
            .GetService<ILoggerFactory>()!
            .CreateLogger($"Function.{categoryName}.User");
    }
}
