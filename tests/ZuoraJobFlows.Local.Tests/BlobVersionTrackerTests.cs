using ZuoraJobFlows.Local.Watching;

namespace ZuoraJobFlows.Local.Tests;

public sealed class BlobVersionTrackerTests
{
    [Fact]
    public void IsReady_EmptyBlockBlob_IsNotReady()
    {
        var tracker = new BlobVersionTracker();

        var ready = tracker.IsReady(new BlobVersion("create/vehicle/a.csv", "\"e1\"", 0), committedAtomically: true);

        Assert.False(ready);
    }

    [Fact]
    public void IsReady_EmptyBlobFilledLater_OnlyFilledVersionIsReady()
    {
        var tracker = new BlobVersionTracker();
        var empty = new BlobVersion("create/vehicle/a.csv", "\"e1\"", 0);
        var filled = new BlobVersion("create/vehicle/a.csv", "\"e2\"", 120);

        var emptyReady = tracker.IsReady(empty, committedAtomically: true);
        var filledReady = tracker.IsReady(filled, committedAtomically: true);

        Assert.False(emptyReady);
        Assert.True(filledReady);
    }

    [Fact]
    public void IsReady_StartedVersionListedAgain_IsNotReady()
    {
        var tracker = new BlobVersionTracker();
        var version = new BlobVersion("create/vehicle/a.csv", "\"e1\"", 120);
        tracker.MarkStarted(version);

        var ready = tracker.IsReady(version, committedAtomically: true);

        Assert.False(ready);
    }

    [Fact]
    public void IsReady_GrowingAppendBlob_ReadyOnlyWhenSeenUnchanged()
    {
        var tracker = new BlobVersionTracker();
        var first = new BlobVersion("create/vehicle/a.csv", "\"e1\"", 50);
        var grown = new BlobVersion("create/vehicle/a.csv", "\"e2\"", 120);

        var afterFirst = tracker.IsReady(first, committedAtomically: false);
        var afterGrowth = tracker.IsReady(grown, committedAtomically: false);
        var afterStable = tracker.IsReady(grown, committedAtomically: false);

        Assert.False(afterFirst);
        Assert.False(afterGrowth);
        Assert.True(afterStable);
    }
}
