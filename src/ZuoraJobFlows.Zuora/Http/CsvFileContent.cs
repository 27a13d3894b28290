using System.Net;
using System.Net.Http.Headers;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// A <c>text/csv</c> body copied from the caller's stream straight onto the wire, in small chunks, so memory does
/// not grow with the file. The caller's stream is left open.
/// </summary>
internal sealed class CsvFileContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly Stream _source;
    private readonly long? _start;
    private bool _started;

    public CsvFileContent(Stream source)
    {
        _source = source;
        _start = source.CanSeek ? source.Position : null;
        Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    }

    /// <summary>Bytes written to the wire so far.</summary>
    public long BytesSent { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(
        Stream stream,
        TransportContext? context,
        CancellationToken cancellationToken)
    {
        RewindForAnotherSend();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await _source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)
                .ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                BytesSent += read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_source.CanSeek)
        {
            length = _source.Length - _source.Position;
            return true;
        }

        length = 0;
        return false;
    }

    // The handler may send a request again by itself (a reused connection found closed); the file must then go out
    // whole or not at all, never as the rest of a half-read stream that Zuora would take for the whole file.
    private void RewindForAnotherSend()
    {
        if (!_started)
        {
            _started = true;
            return;
        }

        if (_start is not { } start)
        {
            throw new InvalidOperationException(
                "The upload stream cannot seek, so the file cannot be sent a second time.");
        }

        _source.Position = start;
        BytesSent = 0;
    }
}
