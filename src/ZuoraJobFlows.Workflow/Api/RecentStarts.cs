using System.Diagnostics.CodeAnalysis;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// Remembers the runs this process started in the last minutes. A backend may not show a new instance until its
/// first step ran, so two starts of the same blob version a moment apart would both find nothing and both schedule
/// it (with the in-memory backend the second start message corrupts the run). The claim closes that gap within one
/// process; across processes the backend's own duplicate check applies.
/// </summary>
internal sealed class RecentStarts(TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private const int MaxEntries = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, ImportChoices Choices)> _started =
        new(StringComparer.Ordinal);

    /// <summary>
    /// True when the caller may start <paramref name="instanceId"/> with <paramref name="choices"/>; false when it was
    /// started recently, with the choices that start made in <paramref name="claimed"/>.
    /// </summary>
    public bool TryClaim(string instanceId, ImportChoices choices, [NotNullWhen(false)] out ImportChoices? claimed)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_started.Count >= MaxEntries)
            {
                foreach (var stale in _started.Where(e => now - e.Value.At > Window).Select(e => e.Key).ToList())
                {
                    _started.Remove(stale);
                }
            }

            if (_started.TryGetValue(instanceId, out var start) && now - start.At <= Window)
            {
                claimed = start.Choices;
                return false;
            }

            _started[instanceId] = (now, choices);
            claimed = null;
            return true;
        }
    }

    /// <summary>Forgets a claim whose start failed, so a later attempt may try again.</summary>
    public void Release(string instanceId)
    {
        lock (_gate)
        {
            _started.Remove(instanceId);
        }
    }
}
