using System.Net;
using System.Net.Http.Json;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Talks to a running <c>zjf serve</c> (or the Functions app) over its HTTP API.</summary>
internal sealed class RunnerApiClient(HttpClient http)
{
    public async Task<StartedRun> StartAsync(
        ImportRequest request,
        UploadedBlob uploaded,
        CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(StartedRun.RequestBody(request, uploaded.Blob.Name));
        content.Headers.ContentType = new("application/json");
        try
        {
            using var response = await http.PostAsync(new Uri("api/imports", UriKind.Relative), content,
                cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return StartedRun.FromHttp((int)response.StatusCode, response.Headers.Location?.OriginalString, body);
        }
        catch (HttpRequestException exception)
        {
            throw new EnvironmentException(
                $"The runner API at {http.BaseAddress} is unreachable; is `zjf serve` running?", exception);
        }
    }

    public IRunTracker Tracker(string runId) => new ApiRunTracker(http, runId);

    private sealed class ApiRunTracker(HttpClient http, string runId) : IRunTracker
    {
        public async Task<RunSnapshot> GetAsync(CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync(
                new Uri($"api/imports/{Uri.EscapeDataString(runId)}", UriKind.Relative), cancellationToken)
                .ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new RunSnapshot { RuntimeStatus = "Pending", Phase = "Starting" };
            }

            response.EnsureSuccessStatusCode();
            var run = await response.Content.ReadFromJsonAsync<RunView>(ImportApi.JsonOptions, cancellationToken)
                .ConfigureAwait(false);
            return RunViewSnapshot.From(run!);
        }
    }
}
