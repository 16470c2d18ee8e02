using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// Calls an app function as the Functions worker does: a new scope per invocation, the function class built from
/// that scope (the container AddCore and AddInfrastructure built), and its parameters bound by kind: the trigger's
/// value, route values by name, the CancellationToken and a FunctionContext carrying the binding data.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    /// <returns>What the function returned (awaited), or null.</returns>
    public async Task<object?> InvokeAsync(AppFunction function, object trigger, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var method = function.Method;
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        try
        {
            var triggerParameter = AppFunctions.TriggerParameter(method);
            var arguments = method.GetParameters().Select(p => p == triggerParameter ? trigger : Bind(p, function, bindingData, scope.ServiceProvider, cancellationToken)).ToArray();
            var returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (returned is not Task task)
            {
                return returned;
            }

            await task;
            return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Bind(ParameterInfo parameter, AppFunction function, IReadOnlyDictionary<string, object?> bindingData, IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return new ServeFunctionContext(function, bindingData, scope, cancellationToken);
        }

        // A route value (AppFunctions accepted only route names for the remaining parameters).
        return bindingData.TryGetValue(parameter.Name!, out var value) ? value?.ToString() : null;
    }
}
