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

        if (CsvRejections.ByteOrderMark(_reader.ByteOrderMark) is { } otherEncoding)
        {
            return otherEncoding;
        }

        if (status == CsvReadStatus.End)
        {
            return _reader.TotalBytes == 0 ? CsvRejections.Empty() : CsvRejections.NoHeader();
        }

        // A header that never ends is checked as far as the reader got, so that bad bytes are named before quotes.
        var header = status == CsvReadStatus.Record ? _reader.Content : _reader.Unread;
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
            _delimiter = CsvDelimiter.Detect(header);
        }

        var invalid = CheckText(
            header, _reader.Line, row: 1, _reader.Offset, isFinal: status != CsvReadStatus.TooLarge);
        if (invalid is not null)
        {
            return invalid;
        }

        switch (status)
        {
            case CsvReadStatus.UnterminatedQuote:
                return QuoteNeverCloses(row: 1);
            case CsvReadStatus.TooLarge:
                return await TooLargeAsync(row: 1, cancellationToken);
        }

        _reader.UseDelimiter(_delimiter);
        _columns = CsvHeader.ParseNames(_reader.Content, _delimiter);
        _lineEnd = _reader.Terminator.SequenceEqual("\n"u8) ? "\n"u8.ToArray() : "\r\n"u8.ToArray();
        _chunkHeader = BuildChunkHeader();

        return CsvHeaderRules.Check(_columns, options, _reader.Line)
            ?? (_chunkHeader.Length > options.MaxChunkBytes
                ? CsvRejections.HeaderTooLarge(_reader.Line, options.MaxChunkBytes, _reader.Offset, quote: null)
                : null);
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
                    return CheckUnread(row + 1) ?? QuoteNeverCloses(row + 1);
                case CsvReadStatus.TooLarge:
                    return CheckUnread(row + 1) ?? await TooLargeAsync(row + 1, cancellationToken);
            }

            // Records before an invalid one are still written, so the chunks hold exactly the rows before it.
            var invalid = CheckText(_batch);

            var tooLarge = await copier.CopyAsync(_batch, sink, cancellationToken);
            if (tooLarge is { } index)
            {
                _rejectedRow = _batch.Row(index);
                return CsvRejections.RecordTooLarge(
                    _batch.Row(index),
                    _batch.Line(index),
                    options.MaxChunkBytes,
                    _batch.BufferOffset + _batch.Start(index),
                    quote: null);
            }

            if (invalid is not null)
            {
                _rejectedRow = invalid.Row;
                return invalid;
            }
        }
    }

    private CsvRejection QuoteNeverCloses(long row)
    {
        var (column, name) = OpenQuoteColumn(row);
        return CsvRejections.UnterminatedQuote(row, _reader.OpenQuoteLine, column, name, _reader.OpenQuoteOffset);
    }

    // A quote still open at the limit may close further on: the rest of the file is read to tell a long quoted
    // value (the record is too large) from a quote that never closes (unterminated).
    private async Task<CsvRejection> TooLargeAsync(long row, CancellationToken cancellationToken)
    {
        var line = _reader.Line;
        var offset = _reader.Offset;
        QuotePastLimit? quote = null;

        if (_reader.TooLargeInsideQuote)
        {
            var (column, name) = OpenQuoteColumn(row);
            var openLine = _reader.OpenQuoteLine;
            var closeLine = await _reader.FindClosingQuoteLineAsync(cancellationToken);
            if (closeLine is null)
            {
                return CsvRejections.UnterminatedQuote(row, openLine, column, name, _reader.OpenQuoteOffset);
            }

            quote = new QuotePastLimit(openLine, column, name, closeLine.Value);
        }

        return row == 1
            ? CsvRejections.HeaderTooLarge(line, options.MaxChunkBytes, offset, quote)
            : CsvRejections.RecordTooLarge(row, line, options.MaxChunkBytes, offset, quote);
    }

    // The 1-based field where the reader's open quote is, and its header name once the header is known.
    private (int Column, string? Name) OpenQuoteColumn(long row)
    {
        var column = CsvFields.FieldAt(_reader.Unread, (int)(_reader.OpenQuoteOffset - _reader.Offset), _delimiter);
        return (column, row > 1 && column <= _columns.Count ? _columns[column - 1] : null);
    }

    // The failing record's bytes are checked before its quote or size is blamed: a NUL byte or a legacy encoding
    // is the likelier cause, and the reason should say so.
    private CsvRejection? CheckUnread(long row)
    {
        var invalid = CheckText(_reader.Unread, _reader.Line, row, _reader.Offset, _reader.UnreadIsFinal);
        if (invalid is not null)
        {
            _rejectedRow = row;
        }

        return invalid;
    }

    // Validates the whole batch at once; only when it is invalid are records checked one by one to say where.
    // Separators between records are ASCII, so the batch is valid exactly when each record is.
    private CsvRejection? CheckText(CsvRecordBatch batch)
    {
        var first = batch.Start(0);
        var span = batch.Buffer.AsSpan(first, batch.End(batch.Count - 1) - first);
        if (Utf8Check.IsValid(span))
        {
            return null;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var invalid = CheckText(
                batch.Content(i), batch.Line(i), batch.Row(i), batch.BufferOffset + batch.Start(i));
            if (invalid is not null)
            {
                batch.Truncate(i);
                return invalid;
            }
        }

        return null;
    }

    // isFinal is false for bytes cut off at the reader's limit, where a character may be split.
    private CsvRejection? CheckText(ReadOnlySpan<byte> content, long line, long row, long offset, bool isFinal = true)
    {
        if (Utf8Check.IsValid(content))
        {
            return null;
        }

        var index = Utf8Check.FirstInvalid(content, isFinal);
        if (index < 0)
        {
            return null;
        }

        var badLine = line + CsvRecordScanner.CountLineBreaks(content[..index]);
        var column = CsvFields.FieldAt(content, index, _delimiter);
        if (content[index] == 0)
        {
            // Only the header is judged for UTF-16: its names are ASCII, so the pattern of zeros is plain there.
            var wide = row == 1 ? WideTextPattern.Describe(content) : null;
            return CsvRejections.NulByte(badLine, row, column, offset + index, wide);
        }

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
