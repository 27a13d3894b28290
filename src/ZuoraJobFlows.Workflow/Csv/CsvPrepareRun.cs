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
    private readonly ArrayBufferWriter<byte> _converted = new(4096);
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
            Records = Math.Max(0, _reader.RecordCount - 1),
            Chunks = sink.Chunks.ToList(),
        };
    }

    private async Task<CsvRejection?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
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

        var invalid = CheckUtf8(row: 1);
        if (invalid is not null)
        {
            return invalid;
        }

        _columns = CsvHeader.ParseNames(_reader.Content, _delimiter);
        _lineEnd = _reader.Terminator.SequenceEqual("\n"u8) ? "\n"u8.ToArray() : "\r\n"u8.ToArray();
        _chunkHeader = BuildChunkHeader();

        return CsvHeaderRules.Check(_columns, options, _reader.Line);
    }

    private async Task<CsvRejection?> CopyRecordsAsync(ChunkSink sink, CancellationToken cancellationToken)
    {
        var headerLine = _reader.Line;
        var comma = _delimiter == (byte)',';

        while (true)
        {
            var status = await _reader.ReadAsync(cancellationToken);
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

            var invalid = CheckUtf8(row);
            if (invalid is not null)
            {
                return invalid;
            }

            var length = MeasureRecord(comma);
            if (_chunkHeader.Length + length > options.MaxChunkBytes)
            {
                return CsvRejections.RecordTooLarge(row, _reader.Line, options.MaxChunkBytes, insideQuote: false);
            }

            if (sink.IsOpen && sink.CurrentBytes + length > options.MaxChunkBytes)
            {
                await sink.CloseAsync(cancellationToken);
            }

            if (!sink.IsOpen)
            {
                await sink.OpenAsync(_chunkHeader, cancellationToken);
            }

            WriteRecord(sink, comma);
            sink.RecordWritten(row);

            if (sink.NeedsFlush)
            {
                await sink.FlushAsync(cancellationToken);
            }
        }
    }

    // Bytes the record takes in a chunk, line end included; converts it first when the delimiter is not a comma.
    private long MeasureRecord(bool comma)
    {
        if (comma)
        {
            return _reader.ContentLength + _lineEnd.Length;
        }

        _converted.ResetWrittenCount();
        CsvFields.ConvertToComma(_reader.Content, _delimiter, _converted);
        return _converted.WrittenCount + _lineEnd.Length;
    }

    private void WriteRecord(ChunkSink sink, bool comma)
    {
        if (!comma)
        {
            sink.Write(_converted.WrittenSpan);
            sink.Write(_lineEnd);
        }
        else if (_reader.Terminator.SequenceEqual(_lineEnd))
        {
            sink.Write(_reader.ContentWithTerminator);
        }
        else
        {
            sink.Write(_reader.Content);
            sink.Write(_lineEnd);
        }
    }

    private CsvRejection? CheckUtf8(long row)
    {
        var content = _reader.Content;
        if (Utf8Check.IsValid(content))
        {
            return null;
        }

        var index = Utf8Check.FirstInvalid(content);
        var line = _reader.Line + CsvRecordReader.CountLineBreaks(content[..index]);
        var column = CsvFields.FieldAt(content, index, _delimiter);
        return CsvRejections.InvalidUtf8(content[index], line, row, column, _reader.Offset + index);
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
