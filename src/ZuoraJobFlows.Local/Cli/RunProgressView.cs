using Grpc.Core;
using Spectre.Console;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Follows a run until it ends: a live progress bar on a terminal, one line per change otherwise.</summary>
internal static class RunProgressView
{
    // A hiccup of the engine or the API while polling should not end the command; a lasting outage should.
    private const int MaxConsecutiveFailures = 40;

    public static async Task<RunSnapshot> FollowAsync(
        IAnsiConsole console,
        IRunTracker tracker,
        TimeSpan interval,
        CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await FollowPlainAsync(console, tracker, interval, cancellationToken).ConfigureAwait(false);
        }

        RunSnapshot? last = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Starting", maxValue: 1);
                await foreach (var snapshot in PollAsync(tracker, interval, cancellationToken).ConfigureAwait(false))
                {
                    task.Description = RunProgressLine.Describe(snapshot);
                    task.MaxValue = Math.Max(snapshot.ChunksTotal, 1);
                    task.Value = snapshot.IsFinished ? task.MaxValue : snapshot.ChunksDone;
                    context.Refresh();
                    last = snapshot;
                }

                task.StopTask();
            })
            .ConfigureAwait(false);
        return last!;
    }

    private static async Task<RunSnapshot> FollowPlainAsync(
        IAnsiConsole console,
        IRunTracker tracker,
        TimeSpan interval,
        CancellationToken cancellationToken)
    {
        RunSnapshot? last = null;
        string? lastLine = null;
        await foreach (var snapshot in PollAsync(tracker, interval, cancellationToken).ConfigureAwait(false))
        {
            var line = RunProgressLine.Describe(snapshot);
            if (line != lastLine)
            {
                console.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}");
                lastLine = line;
            }

            last = snapshot;
        }

        return last!;
    }

    private static async IAsyncEnumerable<RunSnapshot> PollAsync(
        IRunTracker tracker,
        TimeSpan interval,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            RunSnapshot? snapshot = null;
            try
            {
                snapshot = await tracker.GetAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception exception) when (IsTransient(exception) && ++failures < MaxConsecutiveFailures)
            {
                // Polled again below.
            }

            if (snapshot is not null)
            {
                yield return snapshot;
                if (snapshot.IsFinished)
                {
                    yield break;
                }
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is RpcException or HttpRequestException or Azure.RequestFailedException
            or TaskCanceledException { InnerException: TimeoutException };
}
