using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Functions.Http;

/// <summary>The <c>/api/deletes</c> route: a Zuora delete job with a filter, started over HTTP only.</summary>
public sealed class DeleteHttpFunctions(ImportApi importApi)
{
    private readonly ImportApi _importApi = importApi;

    [Function(FunctionNames.StartDelete)]
    public async Task<IActionResult> StartDeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deletes")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var result = await _importApi.StartDeleteAsync(client, request.Body, cancellationToken);
        return new ApiActionResult(result);
    }
}
