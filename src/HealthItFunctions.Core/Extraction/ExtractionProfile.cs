using System.Diagnostics;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Where extraction time goes, per step (decode, parse, index, gate, each layer, assemble): a Stopwatch timestamp per
/// step, summed over the pages it is passed with. For <c>healthit benchmark extract --profile</c>; not thread-safe.
/// </summary>
public sealed class ExtractionProfile
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Steps in the order first seen, with their total time.</summary>
    public IEnumerable<(string Step, TimeSpan Total)> Steps => _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _ticks[s])));

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="step"/> and returns now, for the next step.</summary>
    public long Lap(string step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_ticks.TryGetValue(step, out var total))
        {
            _order.Add(step);
        }

        _ticks[step] = total + (now - since);
        return now;
    }
}
