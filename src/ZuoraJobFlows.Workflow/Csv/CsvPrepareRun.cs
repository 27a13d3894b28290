using System.Buffers;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// One execution of <see cref="CsvPreparer.PrepareAsync"/>: reads the header, checks it, then copies records
/// into chunks. Comma files are copied byte for byte; other delimiters are re-emitted with commas.
/// </summary>
internal sealed class CsvPrepareRun(
    Stream input,
    CsvPrepareOptions options,
    Func<int, CancellationToken, Task<Stream>> openChunk,
    int bufferSize)
{
    private readonly CsvRecordReader _reader = new(input, options.MaxChunkBytes, bufferSize);
    private readonly CsvRecordBatch _batch = new();
    private long? _rejectedRow;
    private byte _delimiter = (byte)',';
    private byte[] _lineEnd = "\r\n"u8.ToArray();
    private byte[] _chunkHeader = [];
    private List<string> _columns = [];

    public async Task<CsvPreparation> RunAsync(CancellationToken cancellationToken)
    {
        await using var sink = new ChunkSink(openChunk);

        var rejection = await ReadHeaderAsync(cancellationToken)
            ?? await CopyRecordsAsync(sink, cancellationToken);

        if (rejection is null)
        {
            await sink.CloseAsync(cancellationToken);
        }
        else
        {
            await sink.DisposeAsync();
        }

        return new CsvPreparation
        {
            Rejection = rejection,
            Columns = _columns,
            Delimiter = (char)_delimiter,
            HadBom = _reader.ByteOrderMark == CsvByteOrderMark.Utf8,
            TotalBytes = _reader.TotalBytes,
            Records = Math.Max(0, (_rejectedRow ?? _reader.RecordCount) - 1),
            Chunks = sink.Chunks.ToList(),
        };
    }

    private async Task<CsvRejection?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        if (options.Delimiter is { } given && CsvDelimiter.TryParse(given, out var known))
        {
            _reader.UseDelimiter(known);
        }

        var status = await _reader.ReadAsync(cancellationToken);

        if (_reader.ByteOrderMark == CsvByteOrderMark.Utf16)
        {
            return CsvRejections.Utf16();
        }

        switch (status)
        {
            case CsvReadStatus.End:
                return _reader.TotalBytes == 0 ? CsvRejections.Empty() : CsvRejections.NoHeader();
            case CsvReadStatus.UnterminatedQuote:
                return CsvRejections.UnterminatedQuote(1, _reader.OpenQuoteLine, _reader.Offset);
            case CsvReadStatus.TooLarge:
                return CsvRejections.RecordTooLarge(
                    1, _reader.Line, options.MaxChunkBytes, _reader.TooLargeInsideQuote);
        }

        if (options.Delimiter is { } chosen)
        {
            if (!CsvDelimiter.TryParse(chosen, out _delimiter))
            {
                _delimiter = (byte)',';
                return CsvRejections.UnsupportedDelimiter(chosen);
            }
        }
        else
        {
            _delimiter = CsvDelimiter.Detect(_reader.Content);
        }

        var invalid = CheckUtf8(_reader.Content, _reader.Line, row: 1, _reader.Offset);
        if (invalid is not null)
        {
            return invalid;
        }

        _reader.UseDelimiter(_delimiter);
        _columns = CsvHeader.ParseNames(_reader.Content, _delimiter);
        _lineEnd = _reader.Terminator.SequenceEqual("\n"u8) ? "\n"u8.ToArray() : "\r\n"u8.ToArray();
        _chunkHeader = BuildChunkHeader();

        return CsvHeaderRules.Check(_columns, options, _reader.Line);
    }

    private async Task<CsvRejection?> CopyRecordsAsync(ChunkSink sink, CancellationToken cancellationToken)
    {
        var headerLine = _reader.Line;
        var copier = new CsvRecordCopier(_delimiter, _lineEnd, _chunkHeader, options.MaxChunkBytes);

        while (true)
        {
            var status = await _reader.ReadBatchAsync(_batch, cancellationToken);
            var row = _reader.RecordCount;

            switch (status)
            {
                case CsvReadStatus.End:
                    return row <= 1 ? CsvRejections.HeaderOnly(headerLine) : null;
                case CsvReadStatus.UnterminatedQuote:
                    return CsvRejections.UnterminatedQuote(row + 1, _reader.OpenQuoteLine, _reader.Offset);
                case CsvReadStatus.TooLarge:
                    return CsvRejections.RecordTooLarge(
                        row + 1, _reader.Line, options.MaxChunkBytes, _reader.TooLargeInsideQuote);
            }

            // Records before an invalid one are still written, so the chunks hold exactly the rows before it.
            var invalid = CheckUtf8(_batch);

            var tooLarge = await copier.CopyAsync(_batch, sink, cancellationToken);
            if (tooLarge is { } index)
            {
                _rejectedRow = _batch.Row(index);
                return CsvRejections.RecordTooLarge(
                    _batch.Row(index), _batch.Line(index), options.MaxChunkBytes, insideQuote: false);
            }

            if (invalid is not null)
            {
                _rejectedRow = invalid.Row;
                return invalid;
            }
        }
    }

    // Validates the whole batch at once; only when it is invalid are records checked one by one to say where.
    // Separators between records are ASCII, so the batch is valid exactly when each record is.
    private CsvRejection? CheckUtf8(CsvRecordBatch batch)
    {
        var first = batch.Start(0);
        var span = batch.Buffer.AsSpan(first, batch.End(batch.Count - 1) - first);
        if (Utf8Check.IsValid(span))
        {
            return null;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var invalid = CheckUtf8(
                batch.Content(i), batch.Line(i), batch.Row(i), batch.BufferOffset + batch.Start(i));
            if (invalid is not null)
            {
                batch.Truncate(i);
                return invalid;
            }
        }

        return null;
    }

    private CsvRejection? CheckUtf8(ReadOnlySpan<byte> content, long line, long row, long offset)
    {
        if (Utf8Check.IsValid(content))
        {
            return null;
        }

        var index = Utf8Check.FirstInvalid(content);
        var badLine = line + CsvRecordReader.CountLineBreaks(content[..index]);
        var column = CsvFields.FieldAt(content, index, _delimiter);
        return CsvRejections.InvalidUtf8(content[index], badLine, row, column, offset + index);
    }

    private byte[] BuildChunkHeader()
    {
        var header = new ArrayBufferWriter<byte>(256);
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0)
            {
                header.Write(","u8);
            }

            CsvFields.WriteValue(_columns[i], header);
        }

        header.Write(_lineEnd);
        return header.WrittenSpan.ToArray();
    }
}
