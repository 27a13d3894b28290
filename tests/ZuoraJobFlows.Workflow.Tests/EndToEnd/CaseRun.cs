using System.Text.Json;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>One shared case file run through the whole workflow from a blob event.</summary>
internal sealed record CaseRun(string Id, UploadedBlob Blob, ImportRunResult Result, JsonElement Summary)
{
    public string Status => Summary.GetProperty("status").GetString()!;

    public string Reason => Summary.GetProperty("reason").GetString() ?? string.Empty;

    public static async Task<CaseRun> RunAsync(EmulatorWorkflowHost host, string caseFile, string operation = "create")
    {
        var blob = await host.UploadCaseAsync(caseFile, $"{operation}/vehicle/{caseFile}");
        var id = await host.StartFromEventAsync(blob);
        var result = await host.WaitForRunAsync(id);
        var summary = await host.ReadSummaryAsync(result);
        await host.AssertInputUnchangedAsync(blob);
        Assert.Empty(await host.ListOutputAsync($"_staging/{id}/"));
        return new CaseRun(id, blob, result, summary);
    }
}
