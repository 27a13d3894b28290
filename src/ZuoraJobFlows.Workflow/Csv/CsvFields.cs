using System.Buffers;
using System.Text;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Field-level work on one record's bytes, with the same quote rule as <see cref="CsvRecordReader"/>: a quote
/// opens quoting only at the start of a field; inside quotes <c>""</c> is a literal quote and a lone quote closes
/// them; anything between the closing quote and the delimiter is literal text appended to the value (as Excel
/// reads it); a quote anywhere else is a literal character.
/// </summary>
/// <remarks>
/// Hand-written rather than Sep: the record bytes come from <see cref="CsvRecordReader"/> (which Sep cannot
/// share), re-emitting a field must copy its raw bytes where they are already canonical, and Sep's rule (a quote
/// toggles quoting anywhere) reads <c>=HYPERLINK("x")</c> differently from spreadsheets and strict readers.
/// </remarks>
internal static class CsvFields
{
    private static readonly SearchValues<byte> s_needsQuoting = SearchValues.Create(",\"\r\n"u8);

    /// <summary>
    /// Index of the quote closing the quoted field opened at <paramref name="open"/>, skipping doubled quotes;
    /// -1 when it never closes within <paramref name="span"/>.
    /// </summary>
    public static int ClosingQuote(ReadOnlySpan<byte> span, int open)
    {
        var from = open + 1;

        while (from < span.Length)
        {
            var hit = span[from..].IndexOf((byte)'"');
            if (hit < 0)
            {
                return -1;
            }

            var quote = from + hit;
            if (quote + 1 >= span.Length || span[quote + 1] != (byte)'"')
            {
                return quote;
            }

            from = quote + 2;
        }

        return -1;
    }

    /// <summary>End (exclusive) of the field starting at <paramref name="start"/>: its delimiter or the end.</summary>
    public static int FieldEnd(ReadOnlySpan<byte> record, int start, byte delimiter)
    {
        var from = start;
        if (start < record.Length && record[start] == (byte)'"')
        {
            var close = ClosingQuote(record, start);
            if (close < 0)
            {
                return record.Length;
            }

            from = close + 1;
        }

        var hit = record[from..].IndexOf(delimiter);
        return hit < 0 ? record.Length : from + hit;
    }

    /// <summary>Number of fields in a record.</summary>
    public static int CountFields(ReadOnlySpan<byte> record, byte delimiter)
    {
        var count = 1;
        for (var i = FieldEnd(record, 0, delimiter); i < record.Length; i = FieldEnd(record, i + 1, delimiter))
        {
            count++;
        }

        return count;
    }

    /// <summary>1-based field holding the byte at <paramref name="offset"/>.</summary>
    public static int FieldAt(ReadOnlySpan<byte> record, int offset, byte delimiter)
    {
        var field = 1;
        for (var i = FieldEnd(record, 0, delimiter); i < offset && i < record.Length;
             i = FieldEnd(record, i + 1, delimiter))
        {
            field++;
        }

        return field;
    }

    /// <summary>
    /// True for <c>"..."</c> with every inner quote doubled and nothing after the closing quote: the canonical
    /// quoted form, which reads the same with any delimiter and in any strict reader.
    /// </summary>
    public static bool IsWellFormedQuoted(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == (byte)'"' && ClosingQuote(raw, 0) == raw.Length - 1;

    /// <summary>True when a raw field can go into a comma chunk as it is: plain, or canonically quoted.</summary>
    public static bool IsCanonicalForComma(ReadOnlySpan<byte> raw) =>
        !raw.ContainsAny(s_needsQuoting) || IsWellFormedQuoted(raw);

    /// <summary>The value of a raw field, by the quote rule above.</summary>
    public static string Value(ReadOnlySpan<byte> raw)
    {
        var close = raw.Length > 0 && raw[0] == (byte)'"' ? ClosingQuote(raw, 0) : -1;
        if (close < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var inner = Encoding.UTF8.GetString(raw[1..close]).Replace("\"\"", "\"", StringComparison.Ordinal);
        return close == raw.Length - 1 ? inner : inner + Encoding.UTF8.GetString(raw[(close + 1)..]);
    }

    /// <summary>Splits a record into values.</summary>
    public static List<string> Values(ReadOnlySpan<byte> record, byte delimiter)
    {
        var values = new List<string>();
        var start = 0;

        while (true)
        {
            var end = FieldEnd(record, start, delimiter);
            values.Add(Value(record[start..end]));
            if (end >= record.Length)
            {
                return values;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Re-emits a record with commas in canonical form. Plain fields without a comma and well-formed quoted
    /// fields are copied as they are; any other field is written quoted with its inner quotes doubled. Values
    /// themselves never change.
    /// </summary>
    public static void ConvertToComma(ReadOnlySpan<byte> record, byte delimiter, IBufferWriter<byte> output)
    {
        var start = 0;

        while (true)
        {
            var end = FieldEnd(record, start, delimiter);
            var raw = record[start..end];
            var written = CsvCommaConverter.CopyField(raw, output.GetSpan(CsvCommaConverter.MaxFieldLength(raw)));
            output.Advance(written);
            if (end >= record.Length)
            {
                return;
            }

            output.Write(","u8);
            start = end + 1;
        }
    }

    /// <summary>Writes a value as one comma-CSV field, quoted when needed.</summary>
    public static void WriteValue(string value, IBufferWriter<byte> output)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (!bytes.AsSpan().ContainsAny(s_needsQuoting))
        {
            output.Write(bytes);
            return;
        }

        output.Write("\""u8);
        var rest = bytes.AsSpan();
        for (var quote = rest.IndexOf((byte)'"'); quote >= 0; quote = rest.IndexOf((byte)'"'))
        {
            output.Write(rest[..(quote + 1)]);
            output.Write("\""u8);
            rest = rest[(quote + 1)..];
        }

        output.Write(rest);
        output.Write("\""u8);
    }
}
