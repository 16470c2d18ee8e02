namespace Microsoft.Azure.Functions.Worker;

/// <summary>The schedule information passed to a timer-triggered function.</summary>
public class TimerInfo
{
    /// <summary>Null when schedule monitoring is off (see <see cref="TimerTriggerAttribute.UseMonitor"/>).</summary>
    public ScheduleStatus? ScheduleStatus { get; set; }

    public bool IsPastDue { get; set; }
}

/// <summary>The recorded state of a monitored schedule.</summary>
public class ScheduleStatus
{
    public DateTime Last { get; set; }

    public DateTime Next { get; set; }

    public DateTime LastUpdated { get; set; }
}
