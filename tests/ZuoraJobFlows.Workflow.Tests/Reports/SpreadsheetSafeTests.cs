using ZuoraJobFlows.Workflow.Reports;

namespace ZuoraJobFlows.Workflow.Tests.Reports;

public class SpreadsheetSafeTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+SUM(1;1)", "'+SUM(1;1)")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+3", "+3")]
    [InlineData("-1e5", "-1e5")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutralise_Cell_PrefixesFormulasOnly(string? value, string expected)
    {
        var safe = SpreadsheetSafe.Neutralise(value);

        Assert.Equal(expected, safe);
    }
}
