namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Re-emits one record with commas, in canonical form, into a span; the same output as
/// <see cref="CsvFields.ConvertToComma(ReadOnlySpan{byte}, byte, System.Buffers.IBufferWriter{byte})"/>.
/// </summary>
/// <remarks>
/// The preparer's hot path for semicolon, tab and pipe files: records without quotes (nearly all of them in
/// spreadsheet exports) are copied with vectorised searches instead of field by field.
/// </remarks>
internal static class CsvCommaConverter
{
    /// <summary>Bytes the output of a record of <paramref name="recordLength"/> bytes may take at most.</summary>
    public static long MaxOutputLength(int recordLength) => 3L * recordLength + 2;

    /// <summary>
    /// Writes the converted record to <paramref name="destination"/> (at least
    /// <see cref="MaxOutputLength"/> bytes) and returns its length.
    /// </summary>
    public static int Convert(ReadOnlySpan<byte> record, byte delimiter, Span<byte> destination)
    {
        var special = record.IndexOfAny((byte)'"', (byte)',');
        if (special < 0)
        {
            return CopyReplacing(record, delimiter, destination);
        }

        return record[special..].Contains((byte)'"')
            ? ConvertFieldByField(record, delimiter, destination)
            : ConvertWithCommas(record, delimiter, destination);
    }

    // No quotes, so no CR or LF either: only fields holding a comma change, by being wrapped in quotes.
    private static int ConvertWithCommas(ReadOnlySpan<byte> record, byte delimiter, Span<byte> destination)
    {
        var written = 0;
        var copied = 0;

        while (copied < record.Length)
        {
            var hit = record[copied..].IndexOf((byte)',');
            if (hit < 0)
            {
                break;
            }

            var comma = copied + hit;
            var fieldStart = record[copied..comma].LastIndexOf(delimiter) + 1 + copied;
            var after = record[comma..].IndexOf(delimiter);
            var fieldEnd = after < 0 ? record.Length : comma + after;

            written += CopyReplacing(record[copied..fieldStart], delimiter, destination[written..]);
            destination[written++] = (byte)'"';
            record[fieldStart..fieldEnd].CopyTo(destination[written..]);
            written += fieldEnd - fieldStart;
            destination[written++] = (byte)'"';
            copied = fieldEnd;
        }

        return written + CopyReplacing(record[copied..], delimiter, destination[written..]);
    }

    private static int ConvertFieldByField(ReadOnlySpan<byte> record, byte delimiter, Span<byte> destination)
    {
        var written = 0;
        var start = 0;

        while (true)
        {
            var end = CsvFields.FieldEnd(record, start, delimiter);
            written += CopyField(record[start..end], destination[written..]);
            if (end >= record.Length)
            {
                return written;
            }

            destination[written++] = (byte)',';
            start = end + 1;
        }
    }

    /// <summary>Bytes <see cref="CopyField"/> may write for <paramref name="raw"/> at most.</summary>
    public static int MaxFieldLength(ReadOnlySpan<byte> raw) => 2 * raw.Length + 2;

    /// <summary>
    /// Writes one raw field in canonical comma form and returns its length: as it is when it is plain or already
    /// canonically quoted, otherwise quoted with inner quotes doubled. A quoted field's text after its closing
    /// quote is appended inside the quotes, so the value stays what the source's reader sees.
    /// </summary>
    public static int CopyField(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (CsvFields.IsCanonicalForComma(raw))
        {
            raw.CopyTo(destination);
            return raw.Length;
        }

        var close = raw[0] == (byte)'"' ? CsvFields.ClosingQuote(raw, 0) : -1;
        var written = 0;
        destination[written++] = (byte)'"';

        if (close >= 0)
        {
            // Between the quotes the bytes are already escaped; only the text after the closing quote is not.
            raw[1..close].CopyTo(destination[written..]);
            written += close - 1;
            raw = raw[(close + 1)..];
        }

        written += CopyDoublingQuotes(raw, destination[written..]);
        destination[written++] = (byte)'"';
        return written;
    }

    private static int CopyDoublingQuotes(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        var written = 0;
        var rest = text;

        for (var quote = rest.IndexOf((byte)'"'); quote >= 0; quote = rest.IndexOf((byte)'"'))
        {
            rest[..(quote + 1)].CopyTo(destination[written..]);
            written += quote + 1;
            destination[written++] = (byte)'"';
            rest = rest[(quote + 1)..];
        }

        rest.CopyTo(destination[written..]);
        return written + rest.Length;
    }

    private static int CopyReplacing(ReadOnlySpan<byte> source, byte delimiter, Span<byte> destination)
    {
        var target = destination[..source.Length];
        source.CopyTo(target);
        target.Replace(delimiter, (byte)',');
        return source.Length;
    }
}
