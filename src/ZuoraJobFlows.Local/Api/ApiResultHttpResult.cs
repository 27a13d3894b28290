using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Api;

/// <summary>Writes an <see cref="ApiResult"/> the way the Functions app does: status, Location, JSON body.</summary>
internal sealed class ApiResultHttpResult(ApiResult result) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = result.StatusCode;
        if (result.Location is not null)
        {
            response.Headers.Location = result.Location;
        }

        if (result.Body is null)
        {
            return;
        }

        response.ContentType = result.StatusCode >= 400 ? "application/problem+json" : "application/json";
        await JsonSerializer.SerializeAsync(response.Body, result.Body, result.Body.GetType(), ImportApi.JsonOptions,
            httpContext.RequestAborted).ConfigureAwait(false);
    }
}
