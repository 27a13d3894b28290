namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Recognises UTF-16 and UTF-32 text saved without a byte-order mark by where its zero bytes fall: ASCII text
/// (as header names are) has a zero in every second byte in UTF-16 and in three of every four in UTF-32.
/// </summary>
internal static class WideTextPattern
{
    private const int SampleBytes = 256;

    /// <summary>"UTF-16 LE", "UTF-16 BE", "UTF-32 LE", "UTF-32 BE", or null when the zeros follow no pattern.</summary>
    public static string? Describe(ReadOnlySpan<byte> text)
    {
        var sample = text[..Math.Min(text.Length, SampleBytes)];
        Span<int> zeros = stackalloc int[4];
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                zeros[i % 4]++;
            }
        }

        var units = sample.Length / 4;
        var pairs = sample.Length / 2;
        var even = zeros[0] + zeros[2];
        var odd = zeros[1] + zeros[3];

        // Checked first: UTF-32 LE also has a zero in every odd byte, but in half of its even ones too.
        if (units > 0 && Mostly(zeros[1], units) && Mostly(zeros[2], units) && Mostly(zeros[3], units)
            && Rarely(zeros[0], units))
        {
            return "UTF-32 LE";
        }

        if (units > 0 && Mostly(zeros[0], units) && Mostly(zeros[1], units) && Mostly(zeros[2], units)
            && Rarely(zeros[3], units))
        {
            return "UTF-32 BE";
        }

        if (pairs > 0 && Mostly(odd, pairs) && Rarely(even, pairs))
        {
            return "UTF-16 LE";
        }

        if (pairs > 0 && Mostly(even, pairs) && Rarely(odd, pairs))
        {
            return "UTF-16 BE";
        }

        return null;
    }

    // Non-ASCII letters break the pattern here and there, so most and few rather than all and none.
    private static bool Mostly(int count, int total) => count * 4 >= total * 3;

    private static bool Rarely(int count, int total) => count * 4 < total;
}
