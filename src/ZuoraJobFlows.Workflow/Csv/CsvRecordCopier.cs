using System.Buffers;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Writes a batch of checked records into chunks: comma files as runs of bytes copied verbatim (records with
/// non-canonical quoting excepted), other delimiters re-emitted with commas. Starts a new chunk when the next
/// record would push the open one over the limit.
/// </summary>
/// <remarks>
/// The loops over records are synchronous; only writing a gathered run and opening or closing a chunk await,
/// which keeps the per-record cost to a few comparisons (and, when converting, a few vectorised searches).
/// </remarks>
internal sealed class CsvRecordCopier(byte delimiter, byte[] lineEnd, byte[] chunkHeader, long maxChunkBytes)
{
    private const int ScratchBytes = 256 * 1024;

    private readonly bool _comma = delimiter == (byte)',';
    private readonly byte[] _scratch = delimiter == (byte)',' ? [] : new byte[ScratchBytes];
    private readonly ArrayBufferWriter<byte> _large = new();
    private int _next;
    private ReadOnlyMemory<byte> _ready;

    private enum Stop
    {
        BatchDone,
        WriteReady,
        NeedsChunk,
        ChunkFull,
        TooLarge,
    }

    /// <summary>
    /// Writes every record of <paramref name="batch"/>; returns the index of a record too large for any chunk
    /// (the records before it are written), or null.
    /// </summary>
    public async ValueTask<int?> CopyAsync(CsvRecordBatch batch, ChunkSink sink, CancellationToken cancellationToken)
    {
        _next = 0;

        while (true)
        {
            var stop = _comma ? CopyRun(batch, sink) : ConvertRun(batch, sink);
            await sink.WriteAsync(_ready, cancellationToken);
            _ready = default;

            switch (stop)
            {
                case Stop.TooLarge:
                    return _next;
                case Stop.NeedsChunk:
                    await sink.OpenAsync(chunkHeader, cancellationToken);
                    break;
                case Stop.ChunkFull:
                    await sink.CloseAsync(cancellationToken);
                    break;
                case Stop.BatchDone:
                    if (sink.IsOpen && sink.NeedsFlush)
                    {
                        await sink.FlushAsync(cancellationToken);
                    }

                    return null;
            }
        }
    }

    // Gathers records from _next on into one run of the input buffer (canonical records that keep their line end
    // and follow each other) for a single write; a record whose line end changes is buffered on its own, and one
    // with non-canonical quoting is re-emitted canonically (values unchanged) so strict readers accept it.
    private Stop CopyRun(CsvRecordBatch batch, ChunkSink sink)
    {
        var buffer = batch.Buffer;
        var first = _next;
        var room = maxChunkBytes - sink.CurrentBytes;
        var runStart = 0;
        var runEnd = 0;
        var stop = Stop.BatchDone;

        for (; _next < batch.Count; _next++)
        {
            var contentLength = batch.ContentLength(_next);
            var canonical = batch.IsCanonical(_next);
            var length = (canonical ? contentLength : ConvertAlone(batch.Content(_next))) + lineEnd.Length;
            stop = Check(sink, length, ref room);
            if (stop != Stop.BatchDone)
            {
                break;
            }

            var start = batch.Start(_next);
            var verbatim = canonical && KeepsLineEnd(buffer, start + contentLength, batch.TerminatorLength(_next));
            if (runEnd > runStart && !(verbatim && start == runEnd))
            {
                // Written before this record; it is measured again on the next call.
                stop = Stop.WriteReady;
                break;
            }

            if (verbatim)
            {
                runStart = runEnd == runStart ? start : runStart;
                runEnd = start + length;
            }
            else
            {
                sink.Write(canonical ? buffer.AsSpan(start, contentLength) : _large.WrittenSpan);
                sink.Write(lineEnd);
            }
        }

        _ready = buffer.AsMemory(runStart, runEnd - runStart);
        Written(batch, sink, first);
        return stop;
    }

    // Converts records from _next on into the scratch buffer as long as they fit, for a single write.
    private Stop ConvertRun(CsvRecordBatch batch, ChunkSink sink)
    {
        var first = _next;
        var room = maxChunkBytes - sink.CurrentBytes;
        var pending = 0;
        var stop = Stop.BatchDone;

        for (; _next < batch.Count; _next++)
        {
            var content = batch.Content(_next);
            var bound = CsvCommaConverter.MaxOutputLength(content.Length) + lineEnd.Length;
            var large = bound > _scratch.Length;
            if (pending > 0 && (large || pending + bound > _scratch.Length))
            {
                stop = Stop.WriteReady;
                break;
            }

            var length = large
                ? ConvertAlone(content)
                : CsvCommaConverter.Convert(content, delimiter, _scratch.AsSpan(pending));
            stop = Check(sink, length + lineEnd.Length, ref room);
            if (stop != Stop.BatchDone)
            {
                break;
            }

            if (large)
            {
                sink.Write(_large.WrittenSpan);
                sink.Write(lineEnd);
                continue;
            }

            lineEnd.CopyTo(_scratch.AsSpan(pending + length));
            pending += length + lineEnd.Length;
        }

        _ready = _scratch.AsMemory(0, pending);
        Written(batch, sink, first);
        return stop;
    }

    // A record too long for the scratch buffer (or, in a comma file, one with non-canonical quoting) is converted
    // on its own, the buffer growing only as much as it needs.
    private int ConvertAlone(ReadOnlySpan<byte> content)
    {
        _large.ResetWrittenCount();
        CsvFields.ConvertToComma(content, delimiter, _large);
        return _large.WrittenCount;
    }

    private Stop Check(ChunkSink sink, long length, ref long room)
    {
        if (chunkHeader.Length + length > maxChunkBytes)
        {
            return Stop.TooLarge;
        }

        if (!sink.IsOpen)
        {
            return Stop.NeedsChunk;
        }

        if (length > room)
        {
            return Stop.ChunkFull;
        }

        room -= length;
        return Stop.BatchDone;
    }

    private bool KeepsLineEnd(byte[] buffer, int terminatorStart, int terminatorLength) =>
        terminatorLength == lineEnd.Length && (terminatorLength == 2 || buffer[terminatorStart] == lineEnd[0]);

    private void Written(CsvRecordBatch batch, ChunkSink sink, int first)
    {
        if (_next > first)
        {
            sink.RecordsWritten(batch.Row(first), batch.Row(_next - 1));
        }
    }
}
