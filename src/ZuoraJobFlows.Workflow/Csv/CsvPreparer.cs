namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Validates a CSV and splits it into comma-delimited UTF-8 chunks in one streamed pass.
/// Stateless; safe to share.
/// </summary>
public sealed class CsvPreparer
{
    private readonly int _bufferSize;

    /// <summary>Creates a preparer reading through a buffer of <paramref name="bufferSize"/> bytes.</summary>
    public CsvPreparer(int bufferSize = 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _bufferSize = bufferSize;
    }

    /// <summary>
    /// Reads <paramref name="input"/> once, writing chunks to the streams <paramref name="openChunk"/> returns
    /// (given the 0-based chunk index; each stream is disposed when its chunk is complete).
    /// </summary>
    public Task<CsvPreparation> PrepareAsync(
        Stream input,
        CsvPrepareOptions options,
        Func<int, CancellationToken, Task<Stream>> openChunk,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openChunk);

        return new CsvPrepareRun(input, options, openChunk, _bufferSize).RunAsync(cancellationToken);
    }
}
