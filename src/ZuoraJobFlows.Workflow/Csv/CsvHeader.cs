using nietras.SeparatedValues;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Reads header names; shared by the preparer and the report writer so both see the same columns.</summary>
internal static class CsvHeader
{
    /// <summary>The header's names, unescaped by Sep and trimmed of surrounding white space.</summary>
    public static List<string> ParseNames(ReadOnlySpan<byte> headerLine, byte delimiter)
    {
        var names = new List<string>();
        using var reader = Sep.New((char)delimiter)
            .Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .From(headerLine.ToArray());

        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                names.Add(Trim(row[i].ToString()));
            }

            break;
        }

        return names;
    }

    // A second byte-order mark (files concatenated or saved twice) is as invisible as a space.
    private static string Trim(string name) => name.Trim().Trim('\uFEFF').Trim();
}
