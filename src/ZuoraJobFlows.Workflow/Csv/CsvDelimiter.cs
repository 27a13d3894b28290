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
        var inQuotes = false;

        foreach (var b in header)
        {
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            var candidate = inQuotes ? -1 : Candidates.IndexOf(b);
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
