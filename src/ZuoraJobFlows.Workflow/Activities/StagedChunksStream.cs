using Azure.Storage.Blobs;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// The staged chunks of a run read back as one comma-separated file: the first chunk whole, then every later chunk
/// without its header. Chunks hold every record of the original in order and no blank lines, so record N of this
/// stream is row N of the original; it stands in for an input blob that changed or vanished during the run.
/// </summary>
internal sealed class StagedChunksStream(BlobContainerClient container, string runId, int chunkCount) : Stream
{
    private Stream? _current;
    private int _chunk;
    private bool _skippingHeader;
    private bool _inQuotes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_chunk == chunkCount)
                {
                    return 0;
                }

                _chunk++;
                var blob = container.GetBlobClient(ResultPaths.ChunkBlobName(runId, _chunk));
                _current = await BlobStreams.OpenReadAsync(blob, eTag: null, cancellationToken);
                _skippingHeader = _chunk > 1;
                _inQuotes = false;
            }

            var read = await _current.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                await _current.DisposeAsync();
                _current = null;
                continue;
            }

            var kept = _skippingHeader ? DropHeader(buffer.Span[..read]) : read;
            if (kept > 0)
            {
                return kept;
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _current = null;
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }

        await base.DisposeAsync();
    }

    // A chunk's header is canonical CSV written by this app, so it ends at the first line feed outside quotes.
    // Moves what follows it to the front of the span and returns its length.
    private int DropHeader(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                _inQuotes = !_inQuotes;
            }
            else if (bytes[i] == (byte)'\n' && !_inQuotes)
            {
                _skippingHeader = false;
                var rest = bytes[(i + 1)..];
                rest.CopyTo(bytes);
                return rest.Length;
            }
        }

        return 0;
    }
}
