using System.Net;
using System.Text;
using System.Text.Json;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Zuora.Tests.Contract;

public sealed class ClientEmulatorContractTests
{
    private const string Header = "make__c,model__c,vin__c,year__c,color__c,msrp__c";

    [Fact]
    public async Task Create_GoodAndBadRows_CompletesWithErrorRowsAndCodes()
    {
        await using var session = await ContractSession.StartAsync();
        var csv = $"{Header}\n" +
            "VW,Golf,V1,2020,red,1.5\n" +        // row 2 good
            "VW,Polo,V2,20x,red,1\n" +           // row 3 type
            "VW,Up,V3,2020,green,1\n" +          // row 4 enum
            "VW,,V4,2020,red,1\n" +              // row 5 required
            "VW,Golf,V1,2021,red,1\n" +          // row 6 unique
            "VW,Golf,V123456789012345678,2020,red,1\n" + // row 7 maxLength
            "VW,\"Multi\nline\",V7,2022,blue,2\n";  // row 8 good, spans two lines

        var job = await session.RunAsync(BulkJobOperation.Create, csv);
        var errors = await session.ErrorsAsync(job.Id);

        Assert.Equal(BulkJobStatus.Completed, job.Status);
        Assert.Equal(7, job.RecordsProcessed);
        Assert.Equal(
            [(3L, "71000020"), (4L, "71000220"), (5L, "71000022"), (6L, "71000030"), (7L, "71000320")],
            errors.Select(e => (e.Row, e.Code!)));
        Assert.Equal("20x", errors[0].Record!.Value.GetProperty("year__c").GetString());
        Assert.Equal(2, session.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Create_UnknownColumn_EveryRowRefused()
    {
        await using var session = await ContractSession.StartAsync();

        var job = await session.RunAsync(BulkJobOperation.Create, "make__c,model__c,vin__c,wheels__c\nVW,Golf,V1,4\n");
        var errors = await session.ErrorsAsync(job.Id);

        Assert.Equal(BulkJobStatus.Completed, job.Status);
        Assert.Equal("71000021", Assert.Single(errors).Code);
        Assert.Equal(0, session.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Update_WithoutIdColumn_JobFailsWithCode()
    {
        await using var session = await ContractSession.StartAsync();

        var job = await session.RunAsync(BulkJobOperation.Update, "make__c,model__c,vin__c\nVW,Golf,V1\n");

        Assert.Equal(BulkJobStatus.Failed, job.Status);
        Assert.Equal("71100022", job.Error?.Code);
    }

    [Fact]
    public async Task Delete_ByFilter_RemovesExactlyMatchingRecords()
    {
        await using var session = await ContractSession.StartAsync();
        await session.RunAsync(BulkJobOperation.Create,
            "make__c,model__c,vin__c,year__c\nVW,Golf,V1,2018\nVW,Polo,V2,2021\nBMW,i3,V3,2021\nVW,Up,V4,2019\n");
        var filter = new BulkJobFilter(
        [
            new BulkJobCondition("make__c", FilterOperator.EQ, JsonSerializer.SerializeToElement("VW")),
            new BulkJobCondition("year__c", FilterOperator.GE, JsonSerializer.SerializeToElement(2019)),
        ]);

        var submitted = await session.Client.SubmitJobAsync(
            new BulkJobRequest("vehicle", BulkJobOperation.Delete) { Filter = filter });
        var job = await session.WaitForEndAsync(submitted.Id);

        Assert.Equal(BulkJobStatus.Completed, job.Status);
        Assert.Equal(2, job.RecordsProcessed);
        Assert.Equal(["V1", "V3"], session.Emulator.Records("vehicle").Select(r => (string)r["vin__c"]).Order());
    }

    [Fact]
    public async Task Cancel_PendingJob_IsCancelled()
    {
        await using var session = await ContractSession.StartAsync();
        var job = await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        await session.WaitForPendingAsync(job.Id);

        var cancelled = await session.Client.CancelJobAsync(job.Id);

        Assert.Equal(BulkJobStatus.Cancelled, cancelled.Status);
        Assert.Equal(BulkJobStatus.Cancelled, (await session.Client.GetJobAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Submit_SixthActiveJob_IsRefusedAsJobLimitReached()
    {
        await using var session = await ContractSession.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        }

        var refusal = await Assert.ThrowsAsync<ZuoraApiException>(() =>
            session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.JobLimitReached, refusal.Kind);
        Assert.Equal("71130043", refusal.Code);
        Assert.False(string.IsNullOrEmpty(refusal.RequestId));
        Assert.Equal(5, session.Emulator.JobsCreated);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKey_ReturnsSameJob()
    {
        await using var session = await ContractSession.StartAsync();
        var options = new ZuoraRequestOptions { IdempotencyKey = "instance-1-chunk-0" };
        var request = new BulkJobRequest("vehicle", BulkJobOperation.Create);

        var first = await session.Client.SubmitJobAsync(request, options);
        var replay = await session.Client.SubmitJobAsync(request, options);

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal(1, session.Emulator.JobsCreated);
    }

    [Fact]
    public async Task Upload_SecondFile_IsRefusedPermanently()
    {
        await using var session = await ContractSession.StartAsync(emulator => emulator.RecordsPerSecond = 1);
        var job = await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        await session.WaitForPendingAsync(job.Id);
        await using var first = new MemoryStream(Encoding.UTF8.GetBytes("make__c,model__c,vin__c\nVW,Golf,V1\n"));
        await session.Client.UploadFileAsync(job.Id, first, "a.csv");

        await using var second = new MemoryStream(Encoding.UTF8.GetBytes("make__c,model__c,vin__c\nVW,Up,V2\n"));
        var refusal = await Assert.ThrowsAsync<ZuoraApiException>(() =>
            session.Client.UploadFileAsync(job.Id, second, "b.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Equal(ZuoraFailureKind.Permanent, refusal.Kind);
        Assert.Equal("71130130", refusal.Code);
        Assert.Equal(2, session.Emulator.UploadsReceived(job.Id));
    }

    [Fact]
    public async Task Upload_FileOver15MB_IsRefused()
    {
        await using var session = await ContractSession.StartAsync();
        var job = await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        await session.WaitForPendingAsync(job.Id);
        var bytes = new byte[(15 * 1024 * 1024) + 1];
        Array.Fill(bytes, (byte)'a');

        await using var content = new MemoryStream(bytes);
        var refusal = await Assert.ThrowsAsync<ZuoraApiException>(() =>
            session.Client.UploadFileAsync(job.Id, content, "big.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Equal("71140020", refusal.Code);
        Assert.Equal(BulkJobStatus.Pending, (await session.Client.GetJobAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Calls_AcrossTokenExpiry_SucceedWithRefreshedTokens()
    {
        await using var session = await ContractSession.StartAsync(
            emulator => emulator.TokenLifetime = TimeSpan.FromMilliseconds(300));
        var job = await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        var deadline = DateTime.UtcNow.AddSeconds(10);

        while (session.Emulator.TokensIssued < 3 && DateTime.UtcNow < deadline)
        {
            await session.Client.GetJobAsync(job.Id);
            await Task.Delay(50);
        }

        Assert.True(session.Emulator.TokensIssued >= 3);
        Assert.Equal(job.Id, (await session.Client.GetJobAsync(job.Id)).Id);
    }

    [Fact]
    public async Task Submit_OverRateLimit_SurfacesTransientWithRetryAfter()
    {
        await using var session = await ContractSession.StartAsync(emulator => emulator.RequestsPerMinute = 2);
        await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));

        var refusal = await Assert.ThrowsAsync<ZuoraApiException>(() =>
            session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
        Assert.True(refusal.IsTransient);
        Assert.True(refusal.RetryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1));
        Assert.Equal(2, session.Emulator.JobsCreated);
    }

    [Fact]
    public async Task Get_InjectedFaults_AreRetriedUntilSuccess()
    {
        await using var session = await ContractSession.StartAsync(client: client => client.MaxGetRetries = 20);
        var job = await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        session.Emulator.Options.FaultRate = 0.5;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(job.Id, (await session.Client.GetJobAsync(job.Id)).Id);
        }

        Assert.True(session.Emulator.StatusGets(job.Id) >= 5);
    }

    [Fact]
    public async Task ListJobs_PagesThroughEveryJob()
    {
        await using var session = await ContractSession.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var job = await session.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
            await session.Client.CancelJobAsync(job.Id);
            ids.Add(job.Id);
        }

        var listed = new List<string>();
        await foreach (var job in session.Client.ListJobsAsync(new BulkJobListQuery { PageSize = 2 }))
        {
            listed.Add(job.Id);
        }

        Assert.Equal(ids, listed);
    }

    [Fact]
    public async Task GetDefinition_KnownAndUnknownObjects()
    {
        await using var session = await ContractSession.StartAsync();

        var vehicle = await session.Client.GetDefinitionAsync("vehicle");
        var missing = await session.Client.GetDefinitionAsync("spaceship");

        Assert.NotNull(vehicle);
        Assert.Equal("vehicle", vehicle.ObjectName);
        Assert.Equal("integer", vehicle.Properties["year__c"].Type);
        Assert.Contains("vin__c", vehicle.Unique);
        Assert.Null(missing);
    }
}
