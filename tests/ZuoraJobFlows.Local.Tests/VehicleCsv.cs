using System.Globalization;
using System.Text;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>Small vehicle CSV files with known good and bad rows.</summary>
internal sealed class VehicleCsv
{
    public const string Header = "make__c,model__c,year__c,vin__c,color__c,msrp__c,in_service_on__c,electric__c";

    private readonly List<string> _lines = [];

    public List<string> GoodVins { get; } = [];

    /// <summary>Row numbers (header = row 1) and the exact lines of the bad records.</summary>
    public List<(int Row, string Line)> BadRows { get; } = [];

    public static VehicleCsv Create(int goodRecords, string prefix = "T")
    {
        var csv = new VehicleCsv();
        for (var i = 0; i < goodRecords; i++)
        {
            var vin = (prefix + i.ToString("D6", CultureInfo.InvariantCulture)).PadRight(17, 'X');
            csv.GoodVins.Add(vin);
            csv._lines.Add($"Toyota,Corolla,2021,{vin},white,22050.50,2021-03-04,false");

            // Bad rows interleaved: a year that is not a number, then a colour outside the enum.
            if (i == 2)
            {
                csv.AddBad($"Ford,F-150,20X1,{(prefix + "BADYEAR").PadRight(17, 'Y')},red,36570,2022-01-01,false");
            }

            if (i == 5)
            {
                csv.AddBad($"Kia,EV6,2023,{(prefix + "BADCOLOR").PadRight(17, 'Y')},green,42600,2023-05-06,true");
            }
        }

        return csv;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", _lines) + "\n");

    public string RetryCsv() => Header + "\n" + string.Concat(BadRows.Select(bad => bad.Line + "\n"));

    private void AddBad(string line)
    {
        _lines.Add(line);
        BadRows.Add((_lines.Count + 1, line));
    }
}
