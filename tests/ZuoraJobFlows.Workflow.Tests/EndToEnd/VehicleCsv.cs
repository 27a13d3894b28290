using System.Globalization;
using System.Text;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>Generated vehicle files: unique VINs, optional quoted multi-line models and bad years.</summary>
internal static class VehicleCsv
{
    public const string Header = "make__c,model__c,year__c,vin__c,color__c,msrp__c";

    /// <param name="records">How many records.</param>
    /// <param name="vinPrefix">Keeps VINs (unique in Zuora) apart between files of one test.</param>
    /// <param name="multilineEvery">Every n-th record gets a quoted model spanning two lines (0: none).</param>
    /// <param name="badYearEvery">Every n-th record gets a year Zuora refuses (0: none).</param>
    public static byte[] Create(int records, string vinPrefix = "V", int multilineEvery = 0, int badYearEvery = 0)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < records; i++)
        {
            var model = multilineEvery > 0 && i % multilineEvery == multilineEvery - 1
                ? $"\"Model {i}\nsecond line, with comma and \"\"quotes\"\"\""
                : $"Model {i}";
            var year = badYearEvery > 0 && i % badYearEvery == badYearEvery - 1 ? "20x1" : "2024";
            text.Append(CultureInfo.InvariantCulture, $"Make{i % 7},{model},{year},{Vin(vinPrefix, i)},white,")
                .Append(CultureInfo.InvariantCulture, $"{10000 + i}.50\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The row (header = 1) of the record with 0-based index <paramref name="index"/>.</summary>
    public static long RowOf(int index) => index + 2;

    public static string Vin(string prefix, int index) =>
        prefix + index.ToString(CultureInfo.InvariantCulture).PadLeft(17 - prefix.Length, '0');
}
