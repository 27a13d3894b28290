using System.Buffers;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Writes chunk streams one after another and keeps each chunk's rows and size.</summary>
/// <remarks>
/// Small pieces (the header, a record whose line end changes) are buffered; long runs of records go straight
/// from the reader's buffer to the chunk stream, so the bulk of a file is copied once.
/// </remarks>
internal sealed class ChunkSink(Func<int, CancellationToken, Task<Stream>> openChunk) : IAsyncDisposable
{
    private const int FlushThreshold = 256 * 1024;

    private readonly List<ChunkInfo> _chunks = [];
    private readonly ArrayBufferWriter<byte> _buffered = new(16 * 1024);
    private Stream? _stream;
    private long _firstRow;
    private long _lastRow;
    private long _records;

    public bool IsOpen => _stream is not null;

    public long CurrentBytes { get; private set; }

    public bool NeedsFlush => _buffered.WrittenCount >= FlushThreshold;

    public IReadOnlyList<ChunkInfo> Chunks => _chunks;

    public async Task OpenAsync(ReadOnlyMemory<byte> header, CancellationToken cancellationToken)
    {
        _stream = await openChunk(_chunks.Count, cancellationToken);
        _buffered.ResetWrittenCount();
        _records = 0;
        CurrentBytes = 0;
        Write(header.Span);
    }

    /// <summary>Buffers <paramref name="bytes"/>; they reach the stream on the next flush or direct write.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _buffered.Write(bytes);
        CurrentBytes += bytes.Length;
    }

    /// <summary>Writes what is buffered, then <paramref name="bytes"/> directly, without another copy.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        await FlushAsync(cancellationToken);
        await _stream!.WriteAsync(bytes, cancellationToken);
        CurrentBytes += bytes.Length;
    }

    /// <summary>Counts the consecutive rows from <paramref name="firstRow"/> to <paramref name="lastRow"/>.</summary>
    public void RecordsWritten(long firstRow, long lastRow)
    {
        if (_records == 0)
        {
            _firstRow = firstRow;
        }

        _lastRow = lastRow;
        _records += lastRow - firstRow + 1;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffered.WrittenCount == 0)
        {
            return;
        }

        await _stream!.WriteAsync(_buffered.WrittenMemory, cancellationToken);
        _buffered.ResetWrittenCount();
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_stream is null)
        {
            return;
        }

        await FlushAsync(cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        await _stream.DisposeAsync();

        _chunks.Add(new ChunkInfo(_chunks.Count, _firstRow, _lastRow, _records, CurrentBytes));
        _stream = null;
    }

    // On a rejection the chunk written so far is kept whole (and listed) so the caller can delete it.
    public async ValueTask DisposeAsync()
    {
        if (_stream is null)
        {
            return;
        }

        await FlushAsync(CancellationToken.None);
        await _stream.DisposeAsync();
        _chunks.Add(new ChunkInfo(_chunks.Count, _firstRow, _lastRow, _records, CurrentBytes));
        _stream = null;
    }
}
