using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Functions.Http;

/// <summary>
/// Writes an <see cref="ApiResult"/> the way the local runner does: its status, its <c>Location</c>, and its body
/// serialised with <see cref="ImportApi.JsonOptions"/>, so both hosts answer byte for byte alike.
/// </summary>
public sealed class ApiActionResult(ApiResult result) : IActionResult
{
    public ApiResult Result { get; } = result;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var response = context.HttpContext.Response;
        response.StatusCode = Result.StatusCode;

        if (Result.Location is not null)
        {
            response.Headers.Location = Result.Location;
        }

        if (Result.Body is null)
        {
            return;
        }

        response.ContentType = Result.StatusCode >= StatusCodes.Status400BadRequest
            ? "application/problem+json; charset=utf-8"
            : "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(
            response.Body,
            Result.Body,
            Result.Body.GetType(),
            ImportApi.JsonOptions,
            context.HttpContext.RequestAborted);
    }
}
