namespace Microsoft.Azure.Functions.Worker.Middleware;

/// <summary>A step of the invocation pipeline.</summary>
public delegate Task FunctionExecutionDelegate(FunctionContext context);
