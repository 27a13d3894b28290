using System.Text.RegularExpressions;

namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>
/// Makes text cells safe to open in spreadsheet programs: a cell that would start a formula (<c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab, carriage return) gets a leading single quote; plain numbers such as <c>-12.5</c> or
/// <c>+3</c> are left alone.
/// </summary>
public static partial class SpreadsheetSafe
{
    /// <summary>The cell text to write (before CSV quoting).</summary>
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value) || !IsFormulaStart(value[0]) || PlainNumber().IsMatch(value))
        {
            return value ?? string.Empty;
        }

        return "'" + value;
    }

    private static bool IsFormulaStart(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
