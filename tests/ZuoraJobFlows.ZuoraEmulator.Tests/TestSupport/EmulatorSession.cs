using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

/// <summary>A started emulator and a raw HttpClient holding a token; no client library types on purpose.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(ZuoraEmulatorServer server, HttpClient http)
    {
        Server = server;
        Http = http;
    }

    public ZuoraEmulatorServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorSession> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var server = await ZuoraEmulatorServer.StartAsync(options =>
        {
            options.JobStartDelay = TimeSpan.Zero;
            options.RecordsPerSecond = 0;
            configure?.Invoke(options);
        });
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        var session = new EmulatorSession(server, http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await session.TokenAsync());
        return session;
    }

    public async Task<string> TokenAsync()
    {
        using var response = await RequestTokenAsync(Server.ClientId, Server.ClientSecret);
        response.EnsureSuccessStatusCode();
        var body = await ReadJsonAsync(response);
        return body["access_token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret) =>
        Http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    public Task<HttpResponseMessage> SubmitAsync(string operation, string objectName = "vehicle",
        JsonNode? filter = null, string? idempotencyKey = null)
    {
        var body = new JsonObject { ["namespace"] = "default", ["object"] = objectName, ["operation"] = operation };
        if (filter is not null)
        {
            body["filter"] = filter;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "objects/jobs") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    public async Task<string> SubmitOkAsync(string operation, string objectName = "vehicle", JsonNode? filter = null)
    {
        using var response = await SubmitAsync(operation, objectName, filter);
        var body = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> UploadAsync(string jobId, string csv, string? idempotencyKey = null) =>
        UploadAsync(jobId, new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), idempotencyKey);

    public Task<HttpResponseMessage> UploadAsync(string jobId, HttpContent file, string? idempotencyKey = null)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", "data.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"objects/jobs/{jobId}/files") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Creates a job, uploads the file and waits until the job ends; answers the final job.</summary>
    public async Task<JsonObject> RunAsync(string operation, string csv, string objectName = "vehicle")
    {
        var id = await SubmitOkAsync(operation, objectName);
        using var upload = await UploadAsync(id, csv);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        return await WaitForEndAsync(id);
    }

    public async Task<JsonObject> WaitForEndAsync(string jobId) =>
        await WaitForStatusAsync(jobId, "completed", "failed", "cancelled");

    public async Task<JsonObject> WaitForStatusAsync(string jobId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var job = await GetJsonAsync($"objects/jobs/{jobId}");
            if (statuses.Contains(job["status"]!.GetValue<string>()) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(20);
        }
    }

    public async Task<JsonArray> ErrorsAsync(string jobId) =>
        (await GetJsonAsync($"objects/jobs/{jobId}/errors"))["errors"]!.AsArray();

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body;
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<string> FirstReasonCodeAsync(HttpResponseMessage response)
    {
        var body = await ReadJsonAsync(response);
        return body["reasons"]![0]!["code"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
