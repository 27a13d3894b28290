using System.Text;
using System.Text.Json;
using ZuoraJobFlows.Workflow.Csv;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

public class CsvPreparerCaseTests
{
    private const string VehicleHeader =
        "make__c,model__c,year__c,vin__c,color__c,msrp__c,in_service_on__c,electric__c";

    private static CsvPrepareOptions VehicleOptions(BulkJobOperation operation = BulkJobOperation.Create)
    {
        using var json = JsonDocument.Parse(CsvTestFiles.Case("vehicle.definition.json"));
        var definition = json.RootElement.GetProperty("definitions").GetProperty("vehicle")
            .Deserialize<CustomObjectDefinition>()!;
        return CsvPrepareOptions.For(operation, definition);
    }

    [Fact]
    public async Task PrepareAsync_BomCrlf_StripsBomAndKeepsRecordsVerbatim()
    {
        var input = CsvTestFiles.Case("bom-crlf.csv");

        var prepared = await CsvTestFiles.PrepareAsync(input, VehicleOptions());

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.True(prepared.Result.HadBom);
        Assert.Equal("make__c", prepared.Result.Columns[0]);
        Assert.Equal(2, prepared.Result.Records);
        Assert.Equal(input[3..], prepared.Chunks[0]);
        Assert.Equal(new ChunkInfo(0, 2, 3, 2, input.Length - 3), prepared.Result.Chunks[0]);
    }

    [Fact]
    public async Task PrepareAsync_LfOnly_OneRecordCopiedWithLf()
    {
        var input = CsvTestFiles.Case("lf-only.csv");

        var prepared = await CsvTestFiles.PrepareAsync(input, VehicleOptions());

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(1, prepared.Result.Records);
        Assert.Equal(input, prepared.Chunks[0]);
    }

    [Fact]
    public async Task PrepareAsync_MultilineQuoted_CountsRecordsNotLines()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("multiline-quoted.csv", VehicleOptions());

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(4, prepared.Result.Records);
        Assert.Equal(5, prepared.Result.Chunks[0].LastRow);
        Assert.EndsWith("Mazda,MX-5,20x1,JM1NDAL70M0000006,red,28000,2021-05-05,false\r\n", prepared.ChunkText(0));
    }

    [Fact]
    public async Task PrepareAsync_MultilineQuotedWithTinyChunks_NeverCutsInsideQuotedField()
    {
        var input = CsvTestFiles.Case("multiline-quoted.csv");
        var options = new CsvPrepareOptions { MaxChunkBytes = VehicleHeader.Length + 2 + 90 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 16);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(4, prepared.Result.Chunks.Count);
        Assert.All(prepared.Chunks, chunk => Assert.True(chunk.Length <= options.MaxChunkBytes));
        Assert.Contains("Tesla,\"Model 3\r\nPerformance\",2024", prepared.ChunkText(1), StringComparison.Ordinal);
        var mazda = prepared.Result.Chunks.Single(chunk => prepared.ChunkText(chunk.Index).Contains("Mazda"));
        Assert.Equal(5, mazda.ToOriginalRow(2));
        var records = string.Concat(prepared.Chunks.Select(chunk =>
            Encoding.UTF8.GetString(chunk)[(VehicleHeader.Length + 2)..]));
        Assert.Equal(Encoding.UTF8.GetString(input)[(VehicleHeader.Length + 2)..], records);
    }

    [Fact]
    public async Task PrepareAsync_Windows1252_RejectsNamingEncodingAndLine()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("windows-1252.csv", VehicleOptions());

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("UTF-8", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("line 2", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(2, prepared.Result.Rejection!.Line);
        Assert.Equal(2, prepared.Result.Rejection.Row);
        Assert.Equal(1, prepared.Result.Rejection.Column);
        Assert.Equal(VehicleHeader.Length + 2 + 5, prepared.Result.Rejection.ByteOffset);
        Assert.Empty(prepared.Chunks);
    }

    [Fact]
    public async Task PrepareAsync_DuplicateHeader_RejectsNamingColumn()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("duplicate-header.csv", VehicleOptions());

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("duplicate", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("model__c (columns 2 and 3)", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(prepared.Chunks);
    }

    [Fact]
    public async Task PrepareAsync_SpacesAroundHeaders_TrimsNamesInResultAndChunk()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("spaces-around-headers.csv", VehicleOptions());

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(["make__c", "model__c", "year__c", "vin__c"], prepared.Result.Columns);
        Assert.StartsWith(
            "make__c,model__c,year__c,vin__c\r\nSeat,Leon,", prepared.ChunkText(0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_HeaderOnly_RejectsSayingNoRecords()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("header-only.csv", VehicleOptions());

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("no records", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(prepared.Chunks);
    }

    [Fact]
    public async Task PrepareAsync_Empty_RejectsSayingEmpty()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("empty.csv", VehicleOptions());

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("empty", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(0, prepared.Result.TotalBytes);
    }

    [Fact]
    public async Task PrepareAsync_TrailingBlankLines_OneRecordNoBlankLinesInChunk()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("trailing-blank-lines.csv", VehicleOptions());

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(1, prepared.Result.Records);
        Assert.Equal(
            VehicleHeader + "\r\nBMW,i4,2023,WBY73AW01PF000009,blue,56000,2023-08-08,true\r\n", prepared.ChunkText(0));
    }

    [Fact]
    public async Task PrepareAsync_UnterminatedQuote_RejectsNamingRowAndLine()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("unterminated-quote.csv", VehicleOptions());

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("Row 2", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("line 2", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(2, prepared.Result.Rejection!.Row);
        Assert.Equal(2, prepared.Result.Rejection.Line);
    }

    [Fact]
    public async Task PrepareAsync_SemicolonDelimited_EmitsCommaChunkWithValuesUnchanged()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync("semicolon-delimited.csv", VehicleOptions());

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(';', prepared.Result.Delimiter);
        Assert.True(prepared.Result.HadBom);
        Assert.Equal(
            VehicleHeader + "\r\n"
            + "Renault,Zoe,2022,VF1AG000000000017,white,32000,2022-05-05,true\r\n"
            + "Peugeot,\"e-208; GT\",2023,VR3UHZKXZPT000018,blue,\"36000,50\",2023-07-07,true\r\n",
            prepared.ChunkText(0));
        Assert.Equal(3, prepared.Result.Chunks[0].LastRow);
    }

    [Fact]
    public async Task PrepareAsync_UpdateWithoutId_RejectsNamingId()
    {
        var prepared = await CsvTestFiles.PrepareCaseAsync(
            "update-without-id.csv", VehicleOptions(BulkJobOperation.Update));

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("required column: id", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(prepared.Chunks);
    }

    [Fact]
    public async Task PrepareAsync_FormulaCells_CanonicalRowsVerbatimAndRowTwoQuoted()
    {
        var input = CsvTestFiles.Case("formula-cells.csv");
        var lines = Encoding.UTF8.GetString(input).Split("\r\n");

        var prepared = await CsvTestFiles.PrepareAsync(input, VehicleOptions());

        // Row 2's formula has quotes inside an unquoted field; strict readers need it quoted. Rows 3 and 4 are
        // canonical and keep their bytes. The exact text and values are checked in CsvPreparerQuoteTests.
        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(3, prepared.Result.Records);
        var chunkLines = prepared.ChunkText(0).Split("\r\n");
        Assert.Equal([lines[0], lines[2], lines[3], ""], [chunkLines[0], chunkLines[2], chunkLines[3], chunkLines[4]]);
        Assert.StartsWith("\"=HYPERLINK(\"\"http://", chunkLines[1], StringComparison.Ordinal);
    }
}
