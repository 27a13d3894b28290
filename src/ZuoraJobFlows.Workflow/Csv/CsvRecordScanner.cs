using System.Buffers;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>What <see cref="CsvRecordScanner.Scan"/> found at the start of the data.</summary>
internal enum CsvScanResult
{
    Record,
    NeedMoreData,
    UnterminatedQuote,
}

/// <summary>
/// Finds where one record ends, by the quote rule of <see cref="CsvFields"/>, and counts line breaks.
/// </summary>
internal static class CsvRecordScanner
{
    private static readonly SearchValues<byte> s_recordSpecials = SearchValues.Create("\"\r\n"u8);
    private static readonly SearchValues<byte> s_lineBreaks = SearchValues.Create("\r\n"u8);

    /// <summary>
    /// Scans the record at the start of <paramref name="data"/>. A quote opens quoting only at the start of a field
    /// (after one of <paramref name="fieldSeparators"/>), a lone quote inside closes it, and any other quote is
    /// literal. A record is canonical when every quote is in a well-formed quoted field that the delimiter or the
    /// line end follows directly; only those may be copied to a chunk byte for byte.
    /// </summary>
    /// <param name="data">The unread bytes, starting at a record.</param>
    /// <param name="fieldSeparators">What may precede a quote that opens a field.</param>
    /// <param name="isFinal">No more input follows <paramref name="data"/>.</param>
    /// <param name="contentLength">The record's length without its line end.</param>
    /// <param name="terminatorLength">The length of its line end (0 at the end of input).</param>
    /// <param name="innerBreaks">Line breaks inside quoted fields.</param>
    /// <param name="canonical">Whether the record may be copied byte for byte.</param>
    /// <param name="openQuote">Where a quote that does not close (yet) opened; set with that result only.</param>
    public static CsvScanResult Scan(
        ReadOnlySpan<byte> data,
        SearchValues<byte> fieldSeparators,
        bool isFinal,
        out int contentLength,
        out int terminatorLength,
        out int innerBreaks,
        out bool canonical,
        out int openQuote)
    {
        contentLength = 0;
        terminatorLength = 0;
        innerBreaks = 0;
        canonical = true;
        openQuote = 0;
        var i = 0;

        while (true)
        {
            var hit = data[i..].IndexOfAny(s_recordSpecials);
            if (hit < 0)
            {
                contentLength = data.Length;
                return isFinal ? CsvScanResult.Record : CsvScanResult.NeedMoreData;
            }

            i += hit;
            if (data[i] == (byte)'"')
            {
                if (i > 0 && !fieldSeparators.Contains(data[i - 1]))
                {
                    canonical = false;
                    i++;
                    continue;
                }

                var close = CsvFields.ClosingQuote(data, i);
                if (close < 0 || (close + 1 == data.Length && !isFinal))
                {
                    // Unclosed, or closed by the last byte read so far, which may yet turn out to be a doubled quote.
                    openQuote = i;
                    return isFinal ? CsvScanResult.UnterminatedQuote : CsvScanResult.NeedMoreData;
                }

                innerBreaks += CountLineBreaks(data.Slice(i + 1, close - i - 1));
                i = close + 1;
                canonical &= i == data.Length || fieldSeparators.Contains(data[i]) || s_lineBreaks.Contains(data[i]);
                continue;
            }

            contentLength = i;
            if (data[i] == (byte)'\n')
            {
                terminatorLength = 1;
            }
            else if (i + 1 < data.Length)
            {
                terminatorLength = data[i + 1] == (byte)'\n' ? 2 : 1;
            }
            else if (isFinal)
            {
                terminatorLength = 1;
            }
            else
            {
                return CsvScanResult.NeedMoreData;
            }

            return CsvScanResult.Record;
        }
    }

    /// <summary>Counts LF, CRLF and lone CR as one line break each.</summary>
    public static int CountLineBreaks(ReadOnlySpan<byte> span)
    {
        if (!span.ContainsAny(s_lineBreaks))
        {
            return 0;
        }

        var breaks = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n' || (span[i] == (byte)'\r' && (i + 1 == span.Length || span[i + 1] != (byte)'\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }
}
