using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// The app's queue functions on the WebJobs SDK queue listener, the engine the Functions host itself runs them on
/// (batch, visibility, retry and poison from host.json). The SDK indexes methods carrying its own attributes, so one
/// is emitted per queue function of the app, with the app's queue name and connection; its body calls
/// <see cref="Dispatch"/>, which invokes the app's method through <see cref="FunctionInvoker"/>.
/// </summary>
public abstract class QueueJobs(QueueJobs.Dispatcher dispatcher)
{
    /// <summary>The queue functions and the invoker, resolved from the container (the emitted class's one dependency).</summary>
    public sealed class Dispatcher(IReadOnlyList<AppFunction> functions, FunctionInvoker invoker, ILoggerFactory loggers)
    {
        internal readonly Dictionary<string, AppFunction> Functions = functions.ToDictionary(f => f.Name);

        internal FunctionInvoker Invoker { get; } = invoker;

        internal ILoggerFactory Loggers { get; } = loggers;
    }

    /// <summary>Called by each emitted method: the app's function with the message and the delivery's binding data.</summary>
    protected Task Dispatch(string function, string message, long dequeueCount, string id, CancellationToken cancellationToken) =>
        dispatcher.Invoker.InvokeAsync(dispatcher.Functions[function], message,
            new Dictionary<string, object?> { ["DequeueCount"] = dequeueCount, ["Id"] = id }, cancellationToken);

    /// <summary>A public class deriving from <see cref="QueueJobs"/> with one [FunctionName] method per queue function.</summary>
    public static Type Emit(IEnumerable<AppFunction> queueFunctions)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("HealthItFunctions.ServeQueueJobs"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("ServeQueueJobs")
            .DefineType("HealthItFunctions.ServeQueueJobs.AppQueueJobs", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(QueueJobs));

        var baseConstructor = typeof(QueueJobs).GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Dispatcher)])!;
        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(Dispatcher)]);
        constructor.DefineParameter(1, ParameterAttributes.None, "dispatcher");
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, baseConstructor);
        il.Emit(OpCodes.Ret);

        var dispatch = typeof(QueueJobs).GetMethod(nameof(Dispatch), BindingFlags.Instance | BindingFlags.NonPublic)!;
        var queueTrigger = typeof(QueueTriggerAttribute);
        foreach (var function in queueFunctions)
        {
            var binding = (QueueBinding)function.Trigger;
            var method = type.DefineMethod(function.Name, MethodAttributes.Public, typeof(Task),
                [typeof(string), typeof(long), typeof(string), typeof(CancellationToken)]);
            method.SetCustomAttribute(new CustomAttributeBuilder(typeof(FunctionNameAttribute).GetConstructor([typeof(string)])!, [function.Name]));
            method.DefineParameter(1, ParameterAttributes.None, "message").SetCustomAttribute(new CustomAttributeBuilder(
                queueTrigger.GetConstructor([typeof(string)])!, [binding.QueueName],
                [queueTrigger.GetProperty(nameof(QueueTriggerAttribute.Connection))!], [binding.Connection]));
            method.DefineParameter(2, ParameterAttributes.None, "dequeueCount");
            method.DefineParameter(3, ParameterAttributes.None, "id");
            method.DefineParameter(4, ParameterAttributes.None, "cancellationToken");
            var body = method.GetILGenerator();
            body.Emit(OpCodes.Ldarg_0);
            body.Emit(OpCodes.Ldstr, function.Name);
            body.Emit(OpCodes.Ldarg_1);
            body.Emit(OpCodes.Ldarg_2);
            body.Emit(OpCodes.Ldarg_3);
            body.Emit(OpCodes.Ldarg_S, (byte)4);
            body.Emit(OpCodes.Call, dispatch);
            body.Emit(OpCodes.Ret);
        }

        return type.CreateType();
    }
}
