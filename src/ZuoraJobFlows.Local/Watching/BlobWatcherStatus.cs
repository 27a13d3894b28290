namespace ZuoraJobFlows.Local.Watching;

/// <summary>How far the watcher got: lets a caller wait until blobs uploaded before a point were seen.</summary>
internal sealed class BlobWatcherStatus
{
    private long _completedScans;

    public long CompletedScans => Interlocked.Read(ref _completedScans);

    public void ScanCompleted() => Interlocked.Increment(ref _completedScans);
}
