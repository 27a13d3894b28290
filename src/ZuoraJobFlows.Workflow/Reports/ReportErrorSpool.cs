using System.Runtime.CompilerServices;

namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>
/// Collects row errors in any order with bounded memory and gives them back sorted by row (errors of one row
/// keep the order they were added in). At most <c>runSize</c> errors are held in memory; beyond that, sorted
/// runs go to temporary files (deleted on dispose) and are merged when read.
/// </summary>
public sealed class ReportErrorSpool : IDisposable
{
    /// <summary>Errors held in memory before a run is written to a temporary file.</summary>
    public const int DefaultRunSize = 50_000;

    private readonly int _runSize;
    private readonly string _tempDirectory;
    private readonly List<SpooledError> _pending = [];
    private readonly List<FileStream> _runs = [];
    private long _sequence;
    private bool _reading;

    /// <summary>Creates a spool; temporary files go under <paramref name="tempDirectory"/> or the system's.</summary>
    public ReportErrorSpool(int runSize = DefaultRunSize, string? tempDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runSize, 1);

        _runSize = runSize;
        _tempDirectory = tempDirectory ?? Path.GetTempPath();
    }

    /// <summary>Errors added so far.</summary>
    public long Count => _sequence;

    /// <summary>Number of runs written to temporary files so far.</summary>
    public int SpilledRuns => _runs.Count;

    /// <summary>Adds one error.</summary>
    public void Add(ReportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ObjectDisposedException.ThrowIf(_reading, this);

        _pending.Add(new SpooledError(error.Row, _sequence++, error.Code, error.Message));

        if (_pending.Count >= _runSize)
        {
            SpillRun();
        }
    }

    /// <summary>Yields every error added, sorted by row. Can be read once.</summary>
    public async IAsyncEnumerable<ReportError> ReadSortedAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_reading, this);
        _reading = true;

        _pending.Sort(SpooledError.Compare);

        if (_runs.Count == 0)
        {
            foreach (var error in _pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return error.ToReportError();
            }

            yield break;
        }

        SpillRun();

        foreach (var error in ReportErrorRunMerger.Merge(_runs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return error;
        }

        await Task.CompletedTask;
    }

    /// <summary>Deletes the temporary files.</summary>
    public void Dispose()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }

        _runs.Clear();
        _pending.Clear();
        _reading = true;
    }

    private void SpillRun()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _pending.Sort(SpooledError.Compare);

        var path = Path.Combine(_tempDirectory, $"zjf-errors-{Guid.NewGuid():N}.run");
        var file = new FileStream(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        _runs.Add(file);

        using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var error in _pending)
            {
                error.WriteTo(writer);
            }
        }

        file.Flush();
        _pending.Clear();
    }
}
