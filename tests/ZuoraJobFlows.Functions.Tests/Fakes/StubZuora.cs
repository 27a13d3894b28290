using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Functions.Tests.Fakes;

/// <summary>
/// A tiny Zuora on a loopback port: issues a fixed token for a fixed secret, accepts jobs, and answers a job
/// status with a 503 first so that retries (and their logs) happen.
/// </summary>
internal sealed class StubZuora : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _statusCalls = new(StringComparer.Ordinal);

    private StubZuora(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int TokensIssued { get; private set; }

    public int AuthorizedCalls { get; private set; }

    public static async Task<StubZuora> StartAsync(string clientSecret, string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new StubZuora(app);

        app.MapPost("/oauth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_secret"] != clientSecret)
            {
                return Results.Json(
                    new { code = "90000011", message = "Invalid client credentials." }, statusCode: 401);
            }

            stub.TokensIssued++;
            return Results.Json(new { access_token = token, token_type = "bearer", expires_in = 3600 });
        });

        app.MapPost("/objects/jobs", (HttpRequest request) =>
        {
            if (!stub.Authorized(request, token))
            {
                return Results.Json(new { code = "90000011", message = "Authentication error" }, statusCode: 401);
            }

            return Results.Json(
                new
                {
                    id = "job-1", @object = "vehicle", operation = "create", @namespace = "default",
                    status = "accepted",
                });
        });

        app.MapGet("/objects/jobs/{id}", (string id, HttpRequest request, HttpResponse response) =>
        {
            if (!stub.Authorized(request, token))
            {
                return Results.Json(new { code = "90000011", message = "Authentication error" }, statusCode: 401);
            }

            if (stub._statusCalls.AddOrUpdate(id, 1, (_, n) => n + 1) == 1)
            {
                response.Headers.RetryAfter = "0";
                return Results.Json(new { code = "50000060", message = "Service unavailable" }, statusCode: 503);
            }

            return Results.Json(new
            {
                id, @object = "vehicle", operation = "create", @namespace = "default", status = "completed",
                recordsProcessed = 3, processingTime = 12,
            });
        });

        app.Use(async (context, next) =>
        {
            context.Response.Headers["Zuora-Request-Id"] = Guid.NewGuid().ToString();
            await next(context);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        stub.BaseUrl = new Uri(address);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private bool Authorized(HttpRequest request, string token)
    {
        var ok = request.Headers.Authorization == $"Bearer {token}";
        if (ok)
        {
            AuthorizedCalls++;
        }

        return ok;
    }
}
