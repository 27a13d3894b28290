namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>Spaces records out to the configured pace, read live so a test can speed a running job up.</summary>
internal sealed class Pacer(EmulatorOptions options, TimeProvider timeProvider)
{
    private static readonly TimeSpan s_slack = TimeSpan.FromMilliseconds(15);
    private DateTimeOffset _due = timeProvider.GetUtcNow();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var rate = options.RecordsPerSecond;
        if (rate <= 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (_due < now - TimeSpan.FromSeconds(1))
        {
            _due = now;
        }

        _due += TimeSpan.FromSeconds(1 / rate);
        var wait = _due - now;
        if (wait > s_slack)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }
}
