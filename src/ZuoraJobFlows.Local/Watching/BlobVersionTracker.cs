namespace ZuoraJobFlows.Local.Watching;

/// <summary>
/// Decides which listed blob versions are ready to start a run. Block blobs are committed atomically, so a
/// non-empty one is final as soon as it is listed; append and page blobs grow in place, so they must be seen
/// unchanged in two consecutive listings first. Empty blobs never start anything: an upload that first creates
/// the blob and then fills it produces a new version, and that one runs.
/// </summary>
/// <remarks>
/// This is only an optimisation over the idempotent start (deterministic instance ids), kept in memory: after a
/// restart every blob is offered again and the start recognises the runs that already exist.
/// </remarks>
internal sealed class BlobVersionTracker
{
    private readonly HashSet<BlobVersion> _started = [];
    private readonly Dictionary<string, BlobVersion> _growing = new(StringComparer.Ordinal);

    public bool IsReady(BlobVersion version, bool committedAtomically)
    {
        if (version.Length <= 0 || _started.Contains(version))
        {
            return false;
        }

        if (committedAtomically)
        {
            return true;
        }

        var seenUnchanged = _growing.TryGetValue(version.Name, out var previous) && previous == version;
        _growing[version.Name] = version;
        return seenUnchanged;
    }

    public void MarkStarted(BlobVersion version)
    {
        _started.Add(version);
        _growing.Remove(version.Name);
    }
}
