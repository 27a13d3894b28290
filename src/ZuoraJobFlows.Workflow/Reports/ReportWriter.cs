namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>
/// Joins row errors with the original file in one streamed pass, writing <c>errors.csv</c> (for people,
/// spreadsheet-safe) and <c>retry.csv</c> (for machines, the failed rows byte for byte under the original header).
/// Stateless; safe to share.
/// </summary>
public sealed class ReportWriter
{
    private readonly int _bufferSize;

    /// <summary>Creates a writer reading the original through a <paramref name="bufferSize"/>-byte buffer.</summary>
    public ReportWriter(int bufferSize = 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _bufferSize = bufferSize;
    }

    /// <summary>
    /// Writes both reports. <paramref name="sortedErrors"/> must be sorted by row
    /// (see <see cref="ReportErrorSpool"/>);
    /// <paramref name="delimiter"/> is the input's delimiter (<c>CsvPreparation.Delimiter</c>), or null to detect it
    /// from the header the same way the preparer does. Rows follow the preparer's numbering.
    /// The output streams are flushed, not disposed.
    /// </summary>
    public Task<ReportCounts> WriteAsync(
        Stream originalInput,
        char? delimiter,
        IAsyncEnumerable<ReportError> sortedErrors,
        Stream errorsCsv,
        Stream retryCsv,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(originalInput);
        ArgumentNullException.ThrowIfNull(sortedErrors);
        ArgumentNullException.ThrowIfNull(errorsCsv);
        ArgumentNullException.ThrowIfNull(retryCsv);

        return new ReportWriteRun(originalInput, delimiter, errorsCsv, retryCsv, _bufferSize)
            .RunAsync(sortedErrors, cancellationToken);
    }
}
