namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Re-emits one record with commas into a span, by the same rule as
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

    private static int CopyField(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (!CsvFields.NeedsQuoting(raw) || CsvFields.IsWellFormedQuoted(raw))
        {
            raw.CopyTo(destination);
            return raw.Length;
        }

        var written = 0;
        destination[written++] = (byte)'"';

        var rest = raw;
        for (var quote = rest.IndexOf((byte)'"'); quote >= 0; quote = rest.IndexOf((byte)'"'))
        {
            rest[..(quote + 1)].CopyTo(destination[written..]);
            written += quote + 1;
            destination[written++] = (byte)'"';
            rest = rest[(quote + 1)..];
        }

        rest.CopyTo(destination[written..]);
        written += rest.Length;
        destination[written++] = (byte)'"';
        return written;
    }

    private static int CopyReplacing(ReadOnlySpan<byte> source, byte delimiter, Span<byte> destination)
    {
        var target = destination[..source.Length];
        source.CopyTo(target);
        target.Replace(delimiter, (byte)',');
        return source.Length;
    }
}
