namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Delimiter detection and the names users may give one.</summary>
internal static class CsvDelimiter
{
    // Order decides ties: comma wins, then semicolon, tab, pipe.
    private static ReadOnlySpan<byte> Candidates => ",;\t|"u8;

    /// <summary>The candidate that occurs most often outside quotes in the header line.</summary>
    public static byte Detect(ReadOnlySpan<byte> header)
    {
        Span<int> counts = stackalloc int[4];

        // The reader's quote rule with every candidate as a delimiter: only a quote starting a field opens quoting.
        for (var i = 0; i < header.Length; i++)
        {
            var b = header[i];
            if (b == (byte)'"' && (i == 0 || Candidates.Contains(header[i - 1])))
            {
                var close = CsvFields.ClosingQuote(header, i);
                if (close < 0)
                {
                    break;
                }

                i = close;
                continue;
            }

            var candidate = Candidates.IndexOf(b);
            if (candidate >= 0)
            {
                counts[candidate]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Candidates[best];
    }

    /// <summary>Reads a user's delimiter setting; false when it names none we support.</summary>
    public static bool TryParse(string value, out byte delimiter)
    {
        delimiter = value switch
        {
            "," => (byte)',',
            ";" => (byte)';',
            "\t" => (byte)'\t',
            "|" => (byte)'|',
            _ => value.Trim().ToUpperInvariant() switch
            {
                "COMMA" => (byte)',',
                "SEMICOLON" => (byte)';',
                "TAB" or "\\T" => (byte)'\t',
                "PIPE" => (byte)'|',
                _ => 0,
            },
        };

        return delimiter != 0;
    }

    public static string Describe(byte delimiter) => delimiter switch
    {
        (byte)'\t' => "tab",
        _ => ((char)delimiter).ToString(),
    };
}
