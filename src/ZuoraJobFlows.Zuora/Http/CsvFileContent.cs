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

    public CsvFileContent(Stream source)
    {
        _source = source;
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
}
