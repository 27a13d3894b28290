using System.Buffers;
using System.IO.Pipelines;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Writes chunk streams one after another and keeps each chunk's rows and size.</summary>
internal sealed class ChunkSink(Func<int, CancellationToken, Task<Stream>> openChunk) : IAsyncDisposable
{
    private const int FlushThreshold = 256 * 1024;

    private readonly List<ChunkInfo> _chunks = [];
    private Stream? _stream;
    private PipeWriter? _writer;
    private long _firstRow;
    private long _lastRow;
    private long _records;

    public bool IsOpen => _writer is not null;

    public long CurrentBytes { get; private set; }

    public bool NeedsFlush => _writer!.UnflushedBytes >= FlushThreshold;

    public IReadOnlyList<ChunkInfo> Chunks => _chunks;

    public async Task OpenAsync(ReadOnlyMemory<byte> header, CancellationToken cancellationToken)
    {
        _stream = await openChunk(_chunks.Count, cancellationToken);
        _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        _records = 0;
        CurrentBytes = 0;
        Write(header.Span);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _writer!.Write(bytes);
        CurrentBytes += bytes.Length;
    }

    public void RecordWritten(long row)
    {
        if (_records == 0)
        {
            _firstRow = row;
        }

        _lastRow = row;
        _records++;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken) =>
        await _writer!.FlushAsync(cancellationToken);

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_writer is null || _stream is null)
        {
            return;
        }

        await _writer.FlushAsync(cancellationToken);
        await _writer.CompleteAsync();
        await _stream.FlushAsync(cancellationToken);
        await _stream.DisposeAsync();

        _chunks.Add(new ChunkInfo(_chunks.Count, _firstRow, _lastRow, _records, CurrentBytes));
        _writer = null;
        _stream = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.CompleteAsync();
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync();
            _chunks.Add(new ChunkInfo(_chunks.Count, _firstRow, _lastRow, _records, CurrentBytes));
        }

        _writer = null;
        _stream = null;
    }
}
