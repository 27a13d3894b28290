using System.Net;
using System.Text;
using ZuoraJobFlows.Local.Cli;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Tests;

public sealed class CliStartedRunTests
{
    private const string ProblemJson = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request is not valid.",
         "status":400,"detail":"object: must be a custom object API name.",
         "errors":{"object":["must be a custom object API name."],"operation":["must be 'create' or 'update'."]}}
        """;

    private static readonly ProblemBody FieldProblem = new(
        "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        "The request is not valid.",
        400,
        "object: must be a custom object API name.",
        new Dictionary<string, string[]> { ["object"] = ["must be a custom object API name."] });

    [Fact]
    public void From_InProcessProblemWithFieldErrors_ListsEachFieldWithoutHttpOrJson()
    {
        var started = StartedRun.From(new ApiResult(400, FieldProblem));

        Assert.Null(started.RunId);
        Assert.Equal(
            $"The request is not valid.{Environment.NewLine}  object: must be a custom object API name.",
            started.Problem);
    }

    [Fact]
    public void From_InProcessProblemWithoutFieldErrors_ShowsItsDetail()
    {
        var problem = new ProblemBody("about:blank", "Not found.", 404, "No blob 'x' in container 'in'.");

        var started = StartedRun.From(new ApiResult(404, problem));

        Assert.Equal("No blob 'x' in container 'in'.", started.Problem);
    }

    [Theory]
    [InlineData(202, "started")]
    [InlineData(200, "already exists for this file version")]
    public void From_AcceptedWithLocation_ReadsRunIdFromLocation(int status, string outcome)
    {
        var started = StartedRun.From(new ApiResult(status, null, "/api/imports/import-abc%20def"));

        Assert.Equal("import-abc def", started.RunId);
        Assert.Equal(outcome, started.Outcome);
        Assert.Null(started.Problem);
    }

    [Fact]
    public void FromHttp_ProblemJson_NamesTheApiAndListsFieldErrors()
    {
        var started = StartedRun.FromHttp(400, null, ProblemJson);

        Assert.Null(started.RunId);
        Assert.StartsWith("the runner API answered 400: The request is not valid.", started.Problem,
            StringComparison.Ordinal);
        Assert.Contains("  object: must be a custom object API name.", started.Problem, StringComparison.Ordinal);
        Assert.Contains("  operation: must be 'create' or 'update'.", started.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("{", started.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestBody_TabDelimiter_IsSentByName()
    {
        var request = new ImportRequest("/tmp/c.csv", "vehicle", "create", "/tmp/out", null, null, '\t');

        var body = Encoding.UTF8.GetString(StartedRun.RequestBody(request, "create/vehicle/c.csv"));

        Assert.Equal(
            """{"blobName":"create/vehicle/c.csv","object":"vehicle","operation":"create","delimiter":"tab"}""", body);
    }

    [Fact]
    public void FromHttp_LongNonJsonBody_ShowsOnlyItsStart()
    {
        var body = new string('x', 1000);

        var started = StartedRun.FromHttp(502, null, body);

        Assert.StartsWith("the runner API answered 502: xxx", started.Problem, StringComparison.Ordinal);
        Assert.True(started.Problem!.Length < 400);
    }

    [Fact]
    public async Task StartAsync_ApiAnswersProblem_ReturnsReadableProblem()
    {
        using var http = new HttpClient(new ProblemHandler()) { BaseAddress = new Uri("http://127.0.0.1:1/") };
        var request = new ImportRequest("/tmp/cars.csv", "vehicle", "create", "/tmp/out", null, http.BaseAddress,
            null);
        var uploaded = new UploadedBlob(
            new Azure.Storage.Blobs.BlobClient(new Uri("http://127.0.0.1:1/devstoreaccount1/in/create/vehicle/c.csv")),
            "\"etag\"", 10);

        var started = await new RunnerApiClient(http).StartAsync(request, uploaded, CancellationToken.None);

        Assert.Null(started.RunId);
        Assert.Contains("object: must be a custom object API name.", started.Problem, StringComparison.Ordinal);
    }

    private sealed class ProblemHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent(ProblemJson, Encoding.UTF8, "application/problem+json"),
            });
    }
}
