using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class RowValidationTests
{
    private const string Header = "make__c,model__c,vin__c,year__c,color__c,msrp__c,in_service_on__c,electric__c";

    public static TheoryData<string, string> BadRows => new()
    {
        { "VW,Golf,VIN9,20x,red,1,2024-01-02,true", ErrorCodes.RowInvalidType },
        { "VW,Golf,VIN9,2020,red,1;5,2024-01-02,true", ErrorCodes.RowInvalidType },
        { "VW,Golf,VIN9,2020,red,1,2024-01-02,yes", ErrorCodes.RowInvalidType },
        { "VW,Golf,VIN9,2020,red,1,02/01/2024,true", ErrorCodes.RowInvalidFormat },
        { "VW,Golf,VIN9,2020,green,1,2024-01-02,true", ErrorCodes.RowInvalidEnum },
        { "VW,Golf,VIN9-TOO-LONG-FOR-17,2020,red,1,2024-01-02,true", ErrorCodes.RowTooLong },
        { "VW,,VIN9,2020,red,1,2024-01-02,true", ErrorCodes.RowRequiredMissing },
        { "VW,Golf,VIN1,2020,red,1,2024-01-02,true", ErrorCodes.RowDuplicateValue },
        { "VW,Golf,VIN9,2020,red", ErrorCodes.RowMalformed },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Create_BadRow_CompletesWithErrorCodeOnRow3(string badRow, string expectedCode)
    {
        await using var session = await EmulatorSession.StartAsync();
        var csv = $"{Header}\nVW,Polo,VIN1,2019,blue,1.5,2023-05-06,false\n{badRow}\n";

        var job = await session.RunAsync("create", csv);
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        Assert.Equal(2, job["recordsProcessed"]!.GetValue<long>());
        var error = Assert.Single(errors)!;
        Assert.Equal(expectedCode, error["code"]!.GetValue<string>());
        Assert.Equal(3, error["row"]!.GetValue<long>());
        Assert.Equal(1, session.Server.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Create_UnknownColumn_EveryRowFails()
    {
        await using var session = await EmulatorSession.StartAsync();

        var job = await session.RunAsync("create", "make__c,model__c,vin__c,trim__c\nVW,Golf,V1,GTI\nVW,Polo,V2,S\n");
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.RowUnknownField, e!["code"]!.GetValue<string>()));
        Assert.Contains("trim__c", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, session.Server.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Create_ByteOrderMark_IsNotStrippedSoFirstColumnIsUnknown()
    {
        await using var session = await EmulatorSession.StartAsync();

        var job = await session.RunAsync("create", "\uFEFFmake__c,model__c,vin__c\r\nVW,Golf,V1\r\n");
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());

        var error = Assert.Single(errors)!;
        Assert.Equal(ErrorCodes.RowUnknownField, error["code"]!.GetValue<string>());
        Assert.Contains("byte-order mark", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, session.Server.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Create_QuotedMultilineField_RowsCountRecordsNotLines()
    {
        await using var session = await EmulatorSession.StartAsync();
        var csv = "make__c,model__c,vin__c,year__c\n" +
            "VW,\"Golf, \"\"GTI\"\"\",V1,2020\n" +
            "VW,\"Two\nlines\",V2,2021\n" +
            "VW,Polo,V3,20x\n";

        var job = await session.RunAsync("create", csv);
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());
        var records = await session.GetJsonAsync("objects/records/default/vehicle");

        var error = Assert.Single(errors)!;
        Assert.Equal(4, error["row"]!.GetValue<long>());
        Assert.Equal("20x", error["record"]!["year__c"]!.GetValue<string>());
        var models = records["records"]!.AsArray().Select(r => r!["model__c"]!.GetValue<string>()).ToList();
        Assert.Equal(["Golf, \"GTI\"", "Two\nlines"], models);
    }

    [Fact]
    public async Task Create_MissingRequiredColumn_EveryRowFails()
    {
        await using var session = await EmulatorSession.StartAsync();

        var job = await session.RunAsync("create", "make__c,model__c\nVW,Golf\n");
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());

        Assert.Equal(ErrorCodes.RowRequiredMissing, Assert.Single(errors)!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_DuplicateUniqueValueWithinFile_SecondRowFails()
    {
        await using var session = await EmulatorSession.StartAsync();

        var job = await session.RunAsync("create", "make__c,model__c,vin__c\nVW,Golf,V1\nVW,Polo,V1\n");
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());

        var error = Assert.Single(errors)!;
        Assert.Equal(ErrorCodes.RowDuplicateValue, error["code"]!.GetValue<string>());
        Assert.Equal(3, error["row"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_GoodRow_StoresTypedValuesWithId()
    {
        await using var session = await EmulatorSession.StartAsync();

        await session.RunAsync("create", $"{Header}\nVW,Golf,V1,2020,red,25999.50,2024-01-02,true\n");
        var record = (await session.GetJsonAsync("objects/records/default/vehicle"))["records"]![0]!;

        Assert.True(Guid.TryParse(record["id"]!.GetValue<string>(), out _));
        Assert.Equal(2020, record["year__c"]!.GetValue<long>());
        Assert.Equal(25999.50m, record["msrp__c"]!.GetValue<decimal>());
        Assert.True(record["electric__c"]!.GetValue<bool>());
        Assert.NotNull(record["createdDate"]);
    }

    [Fact]
    public async Task Update_WithoutIdColumn_JobFails()
    {
        await using var session = await EmulatorSession.StartAsync();

        var job = await session.RunAsync("update", "make__c,model__c,vin__c\nVW,Golf,V1\n");

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal(ErrorCodes.JobFileMissingId, job["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ExistingAndUnknownIds_UpdatesOneAndReportsOther()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.RunAsync("create", "make__c,model__c,vin__c\nVW,Golf,V1\n");
        var id = (await session.GetJsonAsync("objects/records/default/vehicle"))["records"]![0]!["id"]!
            .GetValue<string>();

        var job = await session.RunAsync("update", $"id,model__c\n{id},Golf GTI\n{Guid.NewGuid()},Polo\n");
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());
        var record = (await session.GetJsonAsync("objects/records/default/vehicle"))["records"]![0]!;

        Assert.Equal("Golf GTI", record["model__c"]!.GetValue<string>());
        var error = Assert.Single(errors)!;
        Assert.Equal(ErrorCodes.RowRecordNotFound, error["code"]!.GetValue<string>());
        Assert.Equal(3, error["row"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_KeepRecordsOff_CountsWithoutStoring()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.KeepRecords = false);

        var job = await session.RunAsync("create", "make__c,model__c,vin__c\nVW,Golf,V1\nVW,Polo,V1\n");
        var errors = await session.ErrorsAsync(job["id"]!.GetValue<string>());

        Assert.Equal(2, job["recordsProcessed"]!.GetValue<long>());
        Assert.Equal(ErrorCodes.RowDuplicateValue, Assert.Single(errors)!["code"]!.GetValue<string>());
        Assert.Equal(0, session.Server.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Delete_ByFilter_RemovesExactlyMatchingRecords()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.RunAsync("create",
            "make__c,model__c,vin__c,year__c\nVW,Golf,V1,2018\nVW,Polo,V2,2020\nBMW,i3,V3,2021\nVW,Up,V4,9\n");
        var filter = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["field"] = "make__c", ["operator"] = "EQ", ["value"] = "VW" },
                new JsonObject { ["field"] = "year__c", ["operator"] = "GE", ["value"] = 10 }),
        };

        var id = await session.SubmitOkAsync("delete", filter: filter);
        var job = await session.WaitForEndAsync(id);

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        Assert.Equal(2, job["recordsProcessed"]!.GetValue<long>());
        var left = session.Server.Records("vehicle").Select(r => (string)r["vin__c"]).Order().ToList();
        Assert.Equal(["V3", "V4"], left);
    }
}
