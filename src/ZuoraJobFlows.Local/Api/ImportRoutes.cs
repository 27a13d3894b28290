using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Api;

/// <summary>The DESIGN.md HTTP API under <c>/api</c>, each route a thin call into <see cref="ImportApi"/>.</summary>
internal static class ImportRoutes
{
    public static IEndpointRouteBuilder MapImportRoutes(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");

        api.MapPost("/imports", (HttpRequest request, ImportApi importApi, DurableTaskClient client) =>
            SendAsync(importApi.StartImportAsync(client, request.Body, request.HttpContext.RequestAborted)));

        api.MapGet("/imports/{id}", (string id, HttpContext context, ImportApi importApi, DurableTaskClient client) =>
            SendAsync(importApi.GetImportAsync(client, id, context.RequestAborted)));

        api.MapGet("/imports", (string? status, HttpContext context, ImportApi importApi, DurableTaskClient client) =>
            SendAsync(importApi.ListImportsAsync(client, status, context.RequestAborted)));

        api.MapPost("/imports/{id}/cancel",
            (string id, HttpContext context, ImportApi importApi, DurableTaskClient client) =>
                SendAsync(importApi.CancelImportAsync(client, id, context.RequestAborted)));

        api.MapPost("/deletes", (HttpRequest request, ImportApi importApi, DurableTaskClient client) =>
            SendAsync(importApi.StartDeleteAsync(client, request.Body, request.HttpContext.RequestAborted)));

        return endpoints;
    }

    private static async Task<IResult> SendAsync(Task<ApiResult> pending) =>
        new ApiResultHttpResult(await pending.ConfigureAwait(false));
}
