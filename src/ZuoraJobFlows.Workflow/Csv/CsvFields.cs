using System.Buffers;
using System.Text;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Field-level work on one record's bytes, with the same quote rule as <see cref="CsvRecordReader"/>.
/// </summary>
/// <remarks>
/// Hand-written rather than Sep: the record bytes come from <see cref="CsvRecordReader"/> (which Sep cannot
/// share), and re-emitting a field with another delimiter must copy its raw bytes, not an unescaped copy.
/// </remarks>
internal static class CsvFields
{
    private static readonly SearchValues<byte> s_needsQuoting = SearchValues.Create(",\"\r\n"u8);

    /// <summary>End (exclusive) of the field starting at <paramref name="start"/>: its delimiter or the end.</summary>
    public static int FieldEnd(ReadOnlySpan<byte> record, int start, byte delimiter)
    {
        var inQuotes = false;
        var i = start;

        while (i < record.Length)
        {
            var rest = record[i..];
            var hit = inQuotes ? rest.IndexOf((byte)'"') : rest.IndexOfAny(delimiter, (byte)'"');
            if (hit < 0)
            {
                return record.Length;
            }

            i += hit;
            if (record[i] != (byte)'"')
            {
                return i;
            }

            inQuotes = !inQuotes;
            i++;
        }

        return record.Length;
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

    /// <summary>True for <c>"..."</c> with every inner quote doubled: it reads the same with any delimiter.</summary>
    public static bool IsWellFormedQuoted(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 2 || raw[0] != (byte)'"' || raw[^1] != (byte)'"')
        {
            return false;
        }

        var inner = raw[1..^1];
        for (var i = inner.IndexOf((byte)'"'); i >= 0; i = NextQuote(inner, i + 2))
        {
            if (i + 1 >= inner.Length || inner[i + 1] != (byte)'"')
            {
                return false;
            }
        }

        return true;
    }

    private static int NextQuote(ReadOnlySpan<byte> span, int from)
    {
        if (from >= span.Length)
        {
            return -1;
        }

        var hit = span[from..].IndexOf((byte)'"');
        return hit < 0 ? -1 : from + hit;
    }

    /// <summary>The value of a raw field: a well-formed quoted field is unescaped, anything else taken as is.</summary>
    public static string Value(ReadOnlySpan<byte> raw)
    {
        if (!IsWellFormedQuoted(raw))
        {
            return Encoding.UTF8.GetString(raw);
        }

        var inner = Encoding.UTF8.GetString(raw[1..^1]);
        return inner.Replace("\"\"", "\"", StringComparison.Ordinal);
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
    /// Re-emits a record with commas. Well-formed quoted fields are copied as they are; other fields are quoted
    /// when they hold a comma, quote, CR or LF. Values themselves never change.
    /// </summary>
    public static void ConvertToComma(ReadOnlySpan<byte> record, byte delimiter, IBufferWriter<byte> output)
    {
        var start = 0;

        while (true)
        {
            var end = FieldEnd(record, start, delimiter);
            WriteRawAsComma(record[start..end], output);
            if (end >= record.Length)
            {
                return;
            }

            output.Write(","u8);
            start = end + 1;
        }
    }

    /// <summary>True when a raw field holds a comma, quote, CR or LF.</summary>
    public static bool NeedsQuoting(ReadOnlySpan<byte> raw) => raw.ContainsAny(s_needsQuoting);

    private static void WriteRawAsComma(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        if (!NeedsQuoting(raw) || IsWellFormedQuoted(raw))
        {
            output.Write(raw);
            return;
        }

        WriteQuoted(raw, output);
    }

    /// <summary>Writes a value as one comma-CSV field, quoted when needed.</summary>
    public static void WriteValue(string value, IBufferWriter<byte> output)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.AsSpan().ContainsAny(s_needsQuoting))
        {
            WriteQuoted(bytes, output);
        }
        else
        {
            output.Write(bytes);
        }
    }

    private static void WriteQuoted(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        output.Write("\""u8);

        var rest = raw;
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
