using System.Text;
using ZuoraJobFlows.Workflow.Reports;
using ZuoraJobFlows.Workflow.Tests.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Reports;

public class ReportWriterTests
{
    private const string VehicleHeader =
        "make__c,model__c,year__c,vin__c,color__c,msrp__c,in_service_on__c,electric__c";

    private static byte[] Lines(byte[] original, params int[] physicalLines)
    {
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n');
        return Encoding.UTF8.GetBytes(string.Concat(physicalLines.Select(line => lines[line - 1] + "\n")));
    }

    [Fact]
    public async Task WriteAsync_FormulaCells_ErrorsNeutralisedAndRetryByteExact()
    {
        var original = CsvTestFiles.Case("formula-cells.csv");
        ReportError[] errors =
        [
            new(3, "71000020", "year__c: notayear is not an integer"),
            new(4, "71000030", "=color__c: purple is not allowed"),
        ];

        var reports = await ReportTestRunner.WriteAsync(original, errors);

        Assert.Equal(new ReportCounts(2, 2), reports.Counts);
        Assert.Equal("row,code,message," + VehicleHeader, reports.ErrorLines[0]);
        Assert.Equal(
            "3,71000020,year__c: notayear is not an integer,"
            + "'+SUM(1;1),X2,notayear,ZZZZZZZZZZZZZ0011,white,1,2024-01-01,true",
            reports.ErrorLines[1]);
        Assert.StartsWith(
            "4,71000030,'=color__c: purple is not allowed,'@cmd,X3,", reports.ErrorLines[2], StringComparison.Ordinal);
        Assert.Equal(Lines(original, 1, 3, 4), reports.RetryCsv);
    }

    [Fact]
    public async Task WriteAsync_MultilineQuoted_FindsRowsByRecordNumber()
    {
        var original = CsvTestFiles.Case("multiline-quoted.csv");
        ReportError[] errors = [new(3, "71000020", "bad"), new(5, "71000020", "year__c: 20x1 is not an integer")];

        var reports = await ReportTestRunner.WriteAsync(original, errors, bufferSize: 16);

        Assert.Equal(new ReportCounts(2, 2), reports.Counts);
        var secondLine = reports.ErrorsCsv.Split("\r\n", 2)[1];
        Assert.StartsWith(
            "3,71000020,bad,Tesla,\"Model 3\r\nPerformance\",2024,", secondLine, StringComparison.Ordinal);
        Assert.EndsWith(
            "5,71000020,year__c: 20x1 is not an integer,"
            + "Mazda,MX-5,20x1,JM1NDAL70M0000006,red,28000,2021-05-05,false\r\n",
            reports.ErrorsCsv,
            StringComparison.Ordinal);
        Assert.Equal(Lines(original, 1, 3, 4, 6), reports.RetryCsv);
    }

    [Fact]
    public async Task WriteAsync_SemicolonWithBom_RetryKeepsBomDelimiterAndBytes()
    {
        var original = CsvTestFiles.Case("semicolon-delimited.csv");

        var reports = await ReportTestRunner.WriteAsync(original, [new ReportError(3, "71000020", "msrp__c")]);

        Assert.Equal([.. original[..3], .. Lines(original[3..], 1, 3)], reports.RetryCsv);
        Assert.Equal(
            "3,71000020,msrp__c,Peugeot,e-208; GT,2023,VR3UHZKXZPT000018,blue,\"36000,50\",2023-07-07,true",
            reports.ErrorLines[1]);
        Assert.Equal("row,code,message," + VehicleHeader, reports.ErrorLines[0]);
    }

    [Fact]
    public async Task WriteAsync_LfInput_RetryKeepsLf()
    {
        var original = "a,b\n1,x\n2,y\n3,z"u8.ToArray();

        var reports = await ReportTestRunner.WriteAsync(original, [new(2, "1", "m"), new(4, "1", "m")]);

        Assert.Equal("a,b\n1,x\n3,z"u8.ToArray(), reports.RetryCsv);
    }

    [Fact]
    public async Task WriteAsync_SeveralErrorsOneRowAndMissingRow_RowOnceInRetryMissingRowEmpty()
    {
        var original = "a,b\r\n\r\n1,x\r\n2,y\r\n"u8.ToArray();
        ReportError[] errors = [new(1, "0", "file"), new(3, "1", "first"), new(3, "2", "second"), new(99, "3", "gone")];

        var reports = await ReportTestRunner.WriteAsync(original, errors);

        Assert.Equal(new ReportCounts(4, 1), reports.Counts);
        Assert.Equal("a,b\r\n2,y\r\n"u8.ToArray(), reports.RetryCsv);
        Assert.Equal(["row,code,message,a,b", "1,0,file,,", "3,1,first,2,y", "3,2,second,2,y", "99,3,gone,,"],
            reports.ErrorLines);
    }

    [Fact]
    public async Task WriteAsync_EmptyOriginal_WritesHeaderAndErrorsWithoutValues()
    {
        var reports = await ReportTestRunner.WriteAsync([], [new(2, "1", "m")]);

        Assert.Equal(["row,code,message", "2,1,m"], reports.ErrorLines);
        Assert.Empty(reports.RetryCsv);
    }
}
