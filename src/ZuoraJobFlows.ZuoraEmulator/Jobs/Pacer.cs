namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>
/// Spaces records out to the configured pace. The pace is read again while waiting, in short slices, so a test
/// that speeds a slow job up (or pauses one with a tiny rate) sees the change within a fraction of a second.
/// </summary>
internal sealed class Pacer(EmulatorOptions options, TimeProvider timeProvider)
{
    private static readonly TimeSpan s_slack = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan s_slice = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_longestInterval = TimeSpan.FromDays(1);
    private static readonly TimeSpan s_catchUpLimit = TimeSpan.FromSeconds(1);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rate = options.RecordsPerSecond;
            var now = timeProvider.GetUtcNow();
            if (rate <= 0)
            {
                _last = now;
                return;
            }

            var interval = rate < 1 / s_longestInterval.TotalSeconds
                ? s_longestInterval
                : TimeSpan.FromSeconds(1 / rate);

            // After a pause (or at the start) the pace resumes from now instead of bursting to catch up.
            if (_last < now - interval - s_catchUpLimit)
            {
                _last = now - interval;
            }

            var due = _last + interval;
            if (due - now <= s_slack)
            {
                _last = due;
                return;
            }

            await Task.Delay(due - now < s_slice ? due - now : s_slice, timeProvider, cancellationToken);
        }
    }
}
