using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace HealthItFunctions.Cli.Serve;

/// <summary>What a function listens to, as its trigger attribute in the app declares it.</summary>
public abstract record AppTrigger
{
    /// <summary>The trigger's type as functions.metadata names it.</summary>
    public abstract string Type { get; }

    /// <summary>What it binds to, as functions.metadata writes it: the queue name, the schedule, or the route.</summary>
    public abstract string Binding { get; }
}

/// <summary>A queue trigger: the queue (often a %setting%) and the connection setting.</summary>
public sealed record QueueBinding(string QueueName, string Connection) : AppTrigger
{
    public override string Type => "queueTrigger";

    public override string Binding => QueueName;
}

/// <summary>A timer trigger: an NCRONTAB expression, or the %setting% that holds one.</summary>
public sealed record TimerBinding(string Schedule) : AppTrigger
{
    public override string Type => "timerTrigger";

    public override string Binding => Schedule;

    /// <summary>The setting named by "%Setting%", or null for a literal schedule.</summary>
    public string? Setting => Schedule is ['%', .. var name, '%'] ? name : null;
}

/// <summary>An HTTP trigger: route under /api, methods (none = any), and whether a key is needed.</summary>
public sealed record HttpBinding(string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level) : AppTrigger
{
    public override string Type => "httpTrigger";

    public override string Binding => Route;
}

/// <summary>One [Function] method of the app, with its trigger.</summary>
public sealed record AppFunction(string Name, MethodInfo Method, AppTrigger Trigger);

/// <summary>
/// The Functions app's own functions, read from its assembly by reflection, the way the Functions SDK's generator
/// reads them into functions.metadata. `healthit serve` binds exactly these, so a function added to the app runs
/// under serve with no edit here.
/// </summary>
public static class AppFunctions
{
    /// <summary>The app assembly (the project src/HealthItFunctions).</summary>
    public static Assembly App => typeof(HealthItFunctions.Functions.Polling.PollSource).Assembly;

    public static IReadOnlyList<AppFunction> Read() => Read(App);

    /// <exception cref="InvalidOperationException">A function serve cannot host, named with the reason.</exception>
    public static IReadOnlyList<AppFunction> Read(Assembly app) =>
        app.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(Describe)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The parameter that receives the trigger's value (message, timer info or request).</summary>
    public static ParameterInfo TriggerParameter(MethodInfo method) =>
        method.GetParameters().Single(p => TriggerOf(p) is not null);

    private static AppFunction Describe(MethodInfo method)
    {
        var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
        var triggers = method.GetParameters().Select(p => (Parameter: p, Trigger: TriggerOf(p))).Where(p => p.Trigger is not null).ToList();
        if (triggers.Count != 1)
        {
            throw Unsupported(name, method, $"it has {triggers.Count} trigger parameters; serve hosts queue, timer and HTTP triggers, one per function");
        }

        var (triggerParameter, trigger) = triggers[0];
        foreach (var parameter in method.GetParameters().Where(p => p != triggerParameter))
        {
            var bindable = parameter.ParameterType == typeof(CancellationToken)
                || parameter.ParameterType == typeof(FunctionContext)
                || (trigger is HttpBinding http && parameter.ParameterType == typeof(string) && RouteNames(http.Route).Contains(parameter.Name!));
            if (!bindable)
            {
                throw Unsupported(name, method, $"serve cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}); add it to {nameof(FunctionInvoker)}");
            }
        }

        var returns = method.ReturnType;
        var result = returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : returns;
        if (trigger is HttpBinding && !typeof(IResult).IsAssignableFrom(result))
        {
            throw Unsupported(name, method, $"an HTTP function must return IResult (or Task<IResult>) so both hosts write the same answer; it returns {returns.Name}");
        }

        if (trigger is not HttpBinding && returns != typeof(Task) && returns != typeof(void))
        {
            throw Unsupported(name, method, $"a queue or timer function returns Task or nothing (output bindings are not hosted by serve); it returns {returns.Name}");
        }

        return new AppFunction(name, method, trigger!);
    }

    private static AppTrigger? TriggerOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
        {
            return new QueueBinding(queue.QueueName, queue.Connection ?? "AzureWebJobsStorage");
        }

        if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
        {
            return new TimerBinding(timer.Schedule);
        }

        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
        {
            var function = parameter.Member.GetCustomAttribute<FunctionAttribute>()!.Name;
            return new HttpBinding(http.Route ?? function, http.Methods?.Select(m => m.ToUpperInvariant()).ToList() ?? [], http.AuthLevel);
        }

        return null;
    }

    /// <summary>The names of a route template's parameters: "months/{month}/articles" → month.</summary>
    internal static IReadOnlyList<string> RouteNames(string route) =>
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(route).Parameters.Select(p => p.Name).ToList();

    private static InvalidOperationException Unsupported(string function, MethodInfo method, string reason) =>
        new($"`healthit serve` cannot host {function} ({method.DeclaringType?.FullName}.{method.Name}): {reason}.");
}
