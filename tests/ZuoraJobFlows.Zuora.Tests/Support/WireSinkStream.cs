using System.Text;

namespace ZuoraJobFlows.Zuora.Tests.Support;

/// <summary>
/// Where the stub handler copies a request body, as the socket handler would: keeps the head and tail of what was
/// written and the most the source had been read ahead of the wire.
/// </summary>
public sealed class WireSinkStream(Func<long> sourceBytesRead) : Stream
{
    private const int Keep = 2048;
    private readonly MemoryStream _head = new();
    private readonly Queue<byte> _tail = new();

    public long BytesWritten { get; private set; }

    public long MaxReadAhead { get; private set; }

    public string Head => Encoding.UTF8.GetString(_head.ToArray());

    public string Tail => Encoding.UTF8.GetString([.. _tail]);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => BytesWritten;

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_head.Length < Keep)
        {
            _head.Write(buffer[..Math.Min(buffer.Length, Keep - (int)_head.Length)]);
        }

        foreach (var b in buffer[Math.Max(0, buffer.Length - Keep)..])
        {
            _tail.Enqueue(b);
            if (_tail.Count > Keep)
            {
                _tail.Dequeue();
            }
        }

        BytesWritten += buffer.Length;
        MaxReadAhead = Math.Max(MaxReadAhead, sourceBytesRead() - BytesWritten);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
