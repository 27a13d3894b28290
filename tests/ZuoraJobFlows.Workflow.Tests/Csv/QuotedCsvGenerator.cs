using System.Text;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// Random records whose fields are written in every way a spreadsheet reads the same: canonically quoted, plain
/// with literal quotes inside, or quoted with literal text after the closing quote.
/// </summary>
internal static class QuotedCsvGenerator
{
    private static readonly string[] s_pieces = ["a", "b", " ", "\"", ",", ";", "=", "é", "\n", "\r\n", "1"];

    public static GeneratedCsv Generate(Random random, char delimiter, int records)
    {
        var values = new List<string[]> { new[] { "id", "x", "y", "z" } };
        var lines = new List<string> { string.Join(delimiter, values[0]) + "\r\n" };

        for (var row = 0; row < records; row++)
        {
            string[] record = [$"r{row}", RandomValue(random), RandomValue(random), RandomValue(random)];
            values.Add(record);
            lines.Add(string.Join(delimiter, record.Select(value => Encode(random, value, delimiter))) + "\r\n");
        }

        return new GeneratedCsv(string.Concat(lines), values, lines);
    }

    private static string RandomValue(Random random)
    {
        var text = new StringBuilder();
        for (var count = random.Next(0, 6); count > 0; count--)
        {
            text.Append(s_pieces[random.Next(s_pieces.Length)]);
        }

        return text.ToString();
    }

    private static string Encode(Random random, string value, char delimiter)
    {
        var plainAllowed = !value.StartsWith('"') && !HasSeparator(value, delimiter);
        var style = random.Next(3);

        if (style == 1 && plainAllowed)
        {
            return value;
        }

        if (style == 2 && value.Length > 0)
        {
            var split = random.Next(value.Length);
            var tail = value[split..];
            if (!tail.StartsWith('"') && !HasSeparator(tail, delimiter))
            {
                return Quote(value[..split]) + tail;
            }
        }

        return plainAllowed && !value.Contains('"') ? value : Quote(value);
    }

    private static bool HasSeparator(string value, char delimiter) =>
        value.Contains(delimiter) || value.Contains('\r') || value.Contains('\n');

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}

/// <summary>A generated file, its values (header first) and its physical records (line ends included).</summary>
internal sealed record GeneratedCsv(string Text, List<string[]> Values, List<string> Records);
