namespace HealthItFunctions.Core;

/// <summary>
/// Registered by the hosts that run on a developer's machine (the healthit CLI: demo, serve, local runs, and the tests
/// built on it), never by the Functions app. Only such a host may use the settings that bend the rules for a replay:
/// Polling:HostMap and Polling:AllowLoopback (both skip the SSRF guard; HostMap downgrades https to http) and
/// <see cref="RunClock.StartAtSetting"/>. A service, not a setting, so no app setting in Azure can switch it on.
/// </summary>
public sealed class LocalRun;
