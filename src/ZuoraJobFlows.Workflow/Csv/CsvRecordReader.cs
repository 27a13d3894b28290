using System.Buffers;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Finds record boundaries in a byte stream: a record ends at LF, CRLF or a lone CR outside quotes. Quotes follow
/// RFC 4180 and spreadsheets (see <see cref="CsvFields"/>): only a quote at the start of a field opens quoting,
/// so <c>=HYPERLINK("x")</c> is a plain field with literal quotes. Blank lines are skipped.
/// </summary>
/// <remarks>
/// Hand-written rather than Sep because the callers need byte offsets and the exact bytes of each record
/// (verbatim chunk copies, byte-exact retry.csv), which Sep does not expose. The scan is vectorised with
/// <see cref="SearchValues{T}"/>. A record's bytes stay valid until the next call to <see cref="ReadAsync"/> or
/// <see cref="ReadBatchAsync"/>; the batch form returns every record the buffer holds at once, so callers loop
/// over records synchronously and await only to refill.
/// Memory is the larger of the initial buffer and the longest record (bounded by the record limit).
/// </remarks>
internal sealed class CsvRecordReader
{
    public const int DefaultBufferSize = 1024 * 1024;

    // Until the delimiter is known (the header of a file without one in its metadata), a quote after any of the
    // candidates starts a field.
    private static readonly SearchValues<byte> s_candidateDelimiters = SearchValues.Create(",;\t|"u8);

    private readonly Stream _input;
    private readonly long _maxRecordBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _started;
    private long _nextLine = 1;
    private SearchValues<byte> _fieldSeparators = s_candidateDelimiters;

    public CsvRecordReader(Stream input, long maxRecordBytes, int bufferSize = DefaultBufferSize)
    {
        _input = input;
        _maxRecordBytes = maxRecordBytes;
        _buffer = new byte[(int)Math.Min(bufferSize, maxRecordBytes + 4)];
    }

    public CsvByteOrderMark ByteOrderMark { get; private set; }

    /// <summary>Bytes of the byte-order mark skipped before the first record.</summary>
    public ReadOnlySpan<byte> ByteOrderMarkBytes => ByteOrderMark == CsvByteOrderMark.Utf8 ? "\uFEFF"u8 : [];

    /// <summary>Bytes read from the input so far.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>1-based physical line where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Line breaks inside the current record's quoted fields.</summary>
    public int InnerLineBreaks { get; private set; }

    /// <summary>0-based file offset of the current record.</summary>
    public long Offset { get; private set; }

    /// <summary>Records returned so far, including the current one.</summary>
    public long RecordCount { get; private set; }

    /// <summary>
    /// For <see cref="CsvReadStatus.UnterminatedQuote"/>, and <see cref="CsvReadStatus.TooLarge"/> inside a quote:
    /// the line where the open quote is.
    /// </summary>
    public long OpenQuoteLine { get; private set; }

    /// <summary>0-based file offset of the open quote (see <see cref="OpenQuoteLine"/>).</summary>
    public long OpenQuoteOffset { get; private set; }

    /// <summary>For <see cref="CsvReadStatus.TooLarge"/>: whether the record was inside an open quote.</summary>
    public bool TooLargeInsideQuote { get; private set; }

    /// <summary>
    /// After <see cref="CsvReadStatus.UnterminatedQuote"/> or <see cref="CsvReadStatus.TooLarge"/>: the bytes read
    /// from the start of the failing record on (to the end of the input, or as far as the limit let the reader go).
    /// </summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>True when <see cref="Unread"/> runs to the end of the input.</summary>
    public bool UnreadIsFinal => _eof;

    /// <summary>
    /// Whether the current record's quoting is canonical RFC 4180 (see <see cref="CsvRecordBatch.IsCanonical"/>).
    /// </summary>
    public bool IsCanonical { get; private set; }

    public ReadOnlySpan<byte> Content => _buffer.AsSpan(_recordStart, ContentLength);

    /// <summary>The record with its own line ending (none for a last record without one).</summary>
    public ReadOnlySpan<byte> ContentWithTerminator => _buffer.AsSpan(_recordStart, ContentLength + TerminatorLength);

    public ReadOnlyMemory<byte> ContentWithTerminatorMemory =>
        _buffer.AsMemory(_recordStart, ContentLength + TerminatorLength);

    public ReadOnlySpan<byte> Terminator => _buffer.AsSpan(_recordStart + ContentLength, TerminatorLength);

    public int ContentLength { get; private set; }

    public int TerminatorLength { get; private set; }

    private int _recordStart;

    // Where the scan found a quote that does not close, relative to the data it scanned.
    private int _openQuote;

    /// <summary>Sets the delimiter, which decides where fields start and so which quotes open quoting.</summary>
    public void UseDelimiter(byte delimiter) => _fieldSeparators = SearchValues.Create([delimiter]);

    public ValueTask<CsvReadStatus> ReadAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            var status = TryReadBuffered();
            if (status is not null)
            {
                return new ValueTask<CsvReadStatus>(status.Value);
            }
        }

        return ReadSlowAsync(batch: null, cancellationToken);
    }

    /// <summary>
    /// Reads every complete record the buffer holds (refilling first when it holds none) into
    /// <paramref name="batch"/>. Returns <see cref="CsvReadStatus.Record"/> with at least one record, or another
    /// status with an empty batch; a problem found after some records is returned by the next call.
    /// </summary>
    public ValueTask<CsvReadStatus> ReadBatchAsync(CsvRecordBatch batch, CancellationToken cancellationToken)
    {
        if (_started)
        {
            var status = TryReadBufferedBatch(batch);
            if (status is not null)
            {
                return new ValueTask<CsvReadStatus>(status.Value);
            }
        }

        return ReadSlowAsync(batch, cancellationToken);
    }

    private async ValueTask<CsvReadStatus> ReadSlowAsync(CsvRecordBatch? batch, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await FillAsync(cancellationToken);
            DetectByteOrderMark();
            _started = true;
        }

        while (true)
        {
            var status = batch is null ? TryReadBuffered() : TryReadBufferedBatch(batch);
            if (status is not null)
            {
                return status.Value;
            }

            if (_start == 0 && _end == _buffer.Length)
            {
                if (_buffer.Length >= _maxRecordBytes + 3)
                {
                    return TooLarge();
                }

                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxRecordBytes + 4));
            }

            await FillAsync(cancellationToken);
        }
    }

    private CsvReadStatus TooLarge()
    {
        Line = _nextLine;
        Offset = _bufferOffset + _start;
        var data = _buffer.AsSpan(_start, _end - _start);
        TooLargeInsideQuote = CsvRecordScanner.Scan(
                data, _fieldSeparators, isFinal: true, out _, out _, out var innerBreaks, out _, out _openQuote)
            == CsvScanResult.UnterminatedQuote;
        if (TooLargeInsideQuote)
        {
            OpenQuoteLine = _nextLine + innerBreaks;
            OpenQuoteOffset = _bufferOffset + _start + _openQuote;
        }

        return CsvReadStatus.TooLarge;
    }

    /// <summary>
    /// After <see cref="CsvReadStatus.TooLarge"/> inside a quote, reads on to the quote that closes it, keeping
    /// nothing, and returns its line; null when the input ends first (the quote is unterminated). Nothing can be
    /// read after this.
    /// </summary>
    /// <remarks>
    /// Only a file already being refused pays for this, and at most one more pass over the rest of it: it is the
    /// only way to tell a long quoted value from a quote that never closes.
    /// </remarks>
    public async ValueTask<long?> FindClosingQuoteLineAsync(CancellationToken cancellationToken)
    {
        var scan = new QuoteScan(OpenQuoteLine);
        var from = (int)(OpenQuoteOffset - _bufferOffset) + 1;

        while (true)
        {
            if (scan.Closes(_buffer.AsSpan(from, _end - from)))
            {
                return scan.Line;
            }

            if (_eof)
            {
                return scan.Finish();
            }

            cancellationToken.ThrowIfCancellationRequested();
            from = 0;
            _end = await _input.ReadAsync(_buffer, cancellationToken);
            TotalBytes += _end;
            _eof = _end == 0;
        }
    }

    // Returns null when more input is needed.
    private CsvReadStatus? TryReadBuffered()
    {
        while (true)
        {
            if (_start == _end && _eof)
            {
                return CsvReadStatus.End;
            }

            var data = _buffer.AsSpan(_start, _end - _start);
            var result = CsvRecordScanner.Scan(
                data,
                _fieldSeparators,
                _eof,
                out var contentLength,
                out var terminatorLength,
                out var innerBreaks,
                out var canonical,
                out _openQuote);

            if (result == CsvScanResult.NeedMoreData)
            {
                return null;
            }

            if (result == CsvScanResult.UnterminatedQuote)
            {
                return Unterminated(innerBreaks);
            }

            var recordStart = _start;
            var line = _nextLine;
            _start += contentLength + terminatorLength;
            _nextLine += innerBreaks + (terminatorLength > 0 ? 1 : 0);

            if (contentLength == 0)
            {
                continue;
            }

            _recordStart = recordStart;
            ContentLength = contentLength;
            TerminatorLength = terminatorLength;
            InnerLineBreaks = innerBreaks;
            IsCanonical = canonical;
            Line = line;
            Offset = _bufferOffset + recordStart;
            RecordCount++;
            return CsvReadStatus.Record;
        }
    }

    // Returns null when more input is needed before the first record.
    private CsvReadStatus? TryReadBufferedBatch(CsvRecordBatch batch)
    {
        batch.Reset(_buffer, _bufferOffset, RecordCount + 1);

        while (batch.Count < batch.Capacity)
        {
            if (_start == _end && _eof)
            {
                return batch.Count > 0 ? CsvReadStatus.Record : CsvReadStatus.End;
            }

            var data = _buffer.AsSpan(_start, _end - _start);
            var result = CsvRecordScanner.Scan(
                data,
                _fieldSeparators,
                _eof,
                out var contentLength,
                out var terminatorLength,
                out var innerBreaks,
                out var canonical,
                out _openQuote);

            if (result == CsvScanResult.NeedMoreData)
            {
                return batch.Count > 0 ? CsvReadStatus.Record : null;
            }

            if (result == CsvScanResult.UnterminatedQuote)
            {
                if (batch.Count > 0)
                {
                    return CsvReadStatus.Record;
                }

                return Unterminated(innerBreaks);
            }

            var recordStart = _start;
            var line = _nextLine;
            _start += contentLength + terminatorLength;
            _nextLine += innerBreaks + (terminatorLength > 0 ? 1 : 0);

            if (contentLength > 0)
            {
                batch.Add(recordStart, contentLength, terminatorLength, line, canonical);
                RecordCount++;
            }
        }

        return CsvReadStatus.Record;
    }

    private CsvReadStatus Unterminated(int innerBreaks)
    {
        Line = _nextLine;
        Offset = _bufferOffset + _start;
        OpenQuoteLine = _nextLine + innerBreaks;
        OpenQuoteOffset = Offset + _openQuote;
        return CsvReadStatus.UnterminatedQuote;
    }

    private void DetectByteOrderMark()
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        if (data.StartsWith("\uFEFF"u8))
        {
            ByteOrderMark = CsvByteOrderMark.Utf8;
            _start += 3;
            return;
        }

        // UTF-32 LE first: its mark begins with the UTF-16 LE one.
        ByteOrderMark = data switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => CsvByteOrderMark.Utf32LittleEndian,
            [0x00, 0x00, 0xFE, 0xFF, ..] => CsvByteOrderMark.Utf32BigEndian,
            [0xFF, 0xFE, ..] => CsvByteOrderMark.Utf16LittleEndian,
            [0xFE, 0xFF, ..] => CsvByteOrderMark.Utf16BigEndian,
            _ => CsvByteOrderMark.None,
        };
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        if (_start > 0)
        {
            var remaining = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _bufferOffset += _start;
            _recordStart -= _start;
            _start = 0;
            _end = remaining;
        }

        while (_end < _buffer.Length && !_eof)
        {
            var read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _eof = true;
                break;
            }

            _end += read;
            TotalBytes += read;
        }
    }
}
