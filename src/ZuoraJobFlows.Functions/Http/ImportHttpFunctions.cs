using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Functions.Http;

/// <summary>The <c>/api/imports</c> routes; the logic, validation included, is <see cref="ImportApi"/>'s.</summary>
public sealed class ImportHttpFunctions(ImportApi importApi)
{
    private readonly ImportApi _importApi = importApi;

    [Function(FunctionNames.StartImport)]
    public async Task<IActionResult> StartImportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "imports")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var result = await _importApi.StartImportAsync(client, request.Body, cancellationToken);
        return new ApiActionResult(result);
    }

    [Function(FunctionNames.GetImport)]
    public async Task<IActionResult> GetImportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "imports/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var result = await _importApi.GetImportAsync(client, id, cancellationToken);
        return new ApiActionResult(result);
    }

    [Function(FunctionNames.ListImports)]
    public async Task<IActionResult> ListImportsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "imports")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        string? status = request.Query["status"];
        var result = await _importApi.ListImportsAsync(client, status, cancellationToken);
        return new ApiActionResult(result);
    }

    [Function(FunctionNames.CancelImport)]
    public async Task<IActionResult> CancelImportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "imports/{id}/cancel")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var result = await _importApi.CancelImportAsync(client, id, cancellationToken);
        return new ApiActionResult(result);
    }
}
