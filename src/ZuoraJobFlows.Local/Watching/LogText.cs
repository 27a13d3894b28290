using System.Globalization;
using System.Text;

namespace ZuoraJobFlows.Local.Watching;

internal static class LogText
{
    /// <summary>
    /// A blob name with its control characters written as escapes: a tab or line break in a name must neither
    /// disappear in a log line nor start a line of its own that could pass for another entry.
    /// </summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var printable = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            printable.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return printable.ToString();
    }
}
