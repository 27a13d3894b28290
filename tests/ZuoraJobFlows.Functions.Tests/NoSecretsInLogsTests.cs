using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ZuoraJobFlows.Functions.Durable;
using ZuoraJobFlows.Functions.Http;
using ZuoraJobFlows.Functions.Telemetry;
using ZuoraJobFlows.Functions.Tests.Fakes;
using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Functions.Tests;

/// <summary>
/// Runs functions the way the app wires them (workflow services, telemetry, every log level captured) against a
/// stub Zuora, then searches every captured log line, its structured values and its exception for the secrets.
/// </summary>
public sealed class NoSecretsInLogsTests
{
    private const string ClientSecret = "s3cr3t-Zuora-Client-Secret-7f1d";
    private const string Token = "tok-Bearer-Value-91c2e4";

    [Fact]
    public async Task Functions_ZuoraCallsWithRetriesAndFailures_LogNeitherSecretNorToken()
    {
        await using var zuora = await StubZuora.StartAsync(ClientSecret, Token);
        await using var provider = BuildProvider(zuora.BaseUrl, ClientSecret);
        await using var badSecretProvider = BuildProvider(zuora.BaseUrl, ClientSecret + "-wrong");
        var durable = new FakeDurableClient();
        durable.AddRun("imp-abc", WorkflowNames.ImportCsvOrchestrator, OrchestrationRuntimeStatus.Running);

        var activities = ActivatorUtilities.CreateInstance<ActivityFunctions>(provider);
        var submitted = await activities.SubmitJobAsync(SubmitInput(), CancellationToken.None);
        var status = await activities.GetJobStatusAsync(JobRequestFor(submitted.JobId!), CancellationToken.None);
        var http = ActivatorUtilities.CreateInstance<ImportHttpFunctions>(provider);
        var request = HttpExchange.Request();
        await HttpExchange.ExecuteAsync(
            await http.GetImportAsync(request, "imp-abc", durable.Client, CancellationToken.None), request);
        var badSecretActivities = ActivatorUtilities.CreateInstance<ActivityFunctions>(badSecretProvider);
        var refused = await CaptureFailureAsync(
            () => badSecretActivities.SubmitJobAsync(SubmitInput(), CancellationToken.None));

        Assert.Equal(SubmitOutcome.Submitted, submitted.Outcome);
        Assert.Equal(1, zuora.TokensIssued);
        Assert.True(zuora.AuthorizedCalls >= 3, "the job status call should have been retried after the 503");
        var lines = LogLines(provider).Concat(LogLines(badSecretProvider)).Append(refused).ToList();
        Assert.Contains(lines, line => line.Contains("job-1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Retrying Zuora GET", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("token request failed with 401", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(ClientSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.Equal(BulkJobStatus.Completed, status.Status);
    }

    private static ServiceProvider BuildProvider(Uri zuoraBaseUrl, string clientSecret)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Zuora:BaseUrl"] = zuoraBaseUrl.AbsoluteUri,
                ["Zuora:ClientId"] = "client-id",
                ["Zuora:ClientSecret"] = clientSecret,
                ["Zuora:RetryBaseDelay"] = "00:00:00.010",
                ["Zuora:MaxRetryDelay"] = "00:00:00.050",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddZuoraJobFlowsWorkflow(configuration);
        services.AddZuoraJobFlowsTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    private static IEnumerable<string> LogLines(IServiceProvider provider) =>
        provider.GetFakeLogCollector().GetSnapshot().Select(record => string.Join(
            " | ",
            record.Category,
            record.Message,
            string.Join(";", record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? []),
            string.Join(";", record.Scopes.Select(scope => scope?.ToString())),
            record.Exception?.ToString()));

    private static async Task<string> CaptureFailureAsync(Func<Task<SubmitJobResult>> call)
    {
        try
        {
            var result = await call();
            return $"{result.Outcome} {result.ErrorCode} {result.ErrorMessage}";
        }
        catch (Exception ex)
        {
            return ex.ToString();
        }
    }

    private static SubmitJobInput SubmitInput() => new()
    {
        RunId = "imp-0123456789abcdef",
        Chunk = 1,
        Object = "vehicle",
        Operation = BulkJobOperation.Create,
    };

    private static JobRequest JobRequestFor(string jobId) => new() { RunId = "imp-0123456789abcdef", JobId = jobId };
}
