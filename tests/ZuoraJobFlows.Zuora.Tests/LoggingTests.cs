using System.Net;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Calls_SuccessAndFailure_LogNoSecretTokenOrBody()
    {
        using var host = new ZuoraTestHost();
        var attempts = 0;
        host.Handler.Respond = (request, _) =>
        {
            var response = Interlocked.Increment(ref attempts) switch
            {
                1 => RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-7", "accepted")),
                2 => RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}"),
                _ => RecordingHandler.Json(HttpStatusCode.BadRequest, """{ "code": "71000020", "message": "bad" }"""),
            };
            response.Headers.Add("Zuora-Request-Id", $"req-{attempts}");
            return Task.FromResult(response);
        };
        using var file = new MemoryStream("vin__c\nSECRET-ROW-VALUE\n"u8.ToArray());

        await host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.UploadFileAsync("job-7", file, "cars.csv"));

        var records = host.Logs.GetSnapshot();
        var everything = string.Join(
            "\n", records.Select(r => r.Category + " " + r.Message + " " + string.Join(";", r.StructuredState ?? [])));
        Assert.DoesNotContain(ZuoraTestHost.ClientSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("token-2", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-ROW-VALUE", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ZuoraTestHost.ClientSecret, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-ROW-VALUE", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token-", exception.ToString(), StringComparison.Ordinal);
        var submitted = Assert.Single(records, r => r.Id.Id == 1020);
        Assert.Contains(submitted.StructuredState!, p => p.Key == "ZuoraJobId" && p.Value == "job-7");
        Assert.Contains(submitted.StructuredState!, p => p.Key == "ZuoraRequestId" && p.Value == "req-1");
        Assert.Contains(records, r => r.Id.Id == 1002
            && r.StructuredState!.Any(p => p.Key == "Path" && p.Value == "/objects/jobs/job-7/files"));
    }
}
