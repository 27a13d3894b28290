using System.Text;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// A deliberately strict RFC 4180 reader (comma, CRLF or LF), independent of the code under test: it refuses a
/// quote inside an unquoted field, text after a closing quote and an unclosed quote, as the emulator and strict
/// importers do.
/// </summary>
internal static class StrictCsv
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;

        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i = ReadQuoted(text, i, field);
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new FormatException($"Text after a closing quote at offset {i}.");
                }
            }

            while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
            {
                if (text[i] == '"')
                {
                    throw new FormatException($"A quote inside an unquoted field at offset {i}.");
                }

                field.Append(text[i++]);
            }

            fields.Add(field.ToString());
            field.Clear();

            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            records.Add([.. fields]);
            fields.Clear();
            i += i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? 2 : 1;
        }

        return records;
    }

    private static int ReadQuoted(string text, int open, StringBuilder field)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                field.Append(text[i++]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                return i + 1;
            }
        }

        throw new FormatException($"The quote at offset {open} is never closed.");
    }

    /// <summary>The records of every chunk, each chunk's header dropped after the first.</summary>
    public static List<string[]> ParseChunks(PreparedCsv prepared) =>
        prepared.Chunks
            .SelectMany((chunk, index) => Parse(Encoding.UTF8.GetString(chunk)).Skip(index == 0 ? 0 : 1))
            .ToList();
}
