using System.Reflection;
using System.Text.Json;
using ZuoraJobFlows.Workflow;

namespace ZuoraJobFlows.Functions.Tests;

/// <summary>Reads what the Functions host will load: the built functions.metadata and host.json.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string[] OrchestratorNames =
    [
        WorkflowNames.ImportCsvOrchestrator,
        WorkflowNames.BulkJobOrchestrator,
        WorkflowNames.DeleteRecordsOrchestrator,
    ];

    private static readonly Lazy<JsonElement[]> Functions = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(BuildOutput.FunctionsAppFile("functions.metadata")));
        return document.RootElement.EnumerateArray().Select(function => function.Clone()).ToArray();
    });

    [Fact]
    public void BlobTrigger_Metadata_IsEventGridSourcedOnTheImportLayoutWithDurableClient()
    {
        var function = FindFunction(FunctionNames.ImportOnBlobCreated);

        var trigger = SingleBinding(function, "blobTrigger");
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("%Imports:InputContainer%/{operation}/{object}/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal(
            "True", trigger.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString());
        SingleBinding(function, "durableClient");
    }

    [Theory]
    [InlineData(FunctionNames.StartImport, "imports", "post")]
    [InlineData(FunctionNames.ListImports, "imports", "get")]
    [InlineData(FunctionNames.GetImport, "imports/{id}", "get")]
    [InlineData(FunctionNames.CancelImport, "imports/{id}/cancel", "post")]
    [InlineData(FunctionNames.StartDelete, "deletes", "post")]
    public void HttpFunction_Metadata_HasRouteMethodAndFunctionLevelAuth(string name, string route, string method)
    {
        var function = FindFunction(name);

        var trigger = SingleBinding(function, "httpTrigger");
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        SingleBinding(function, "durableClient");
    }

    [Fact]
    public void HttpFunctions_Metadata_AreExactlyTheFiveRoutes()
    {
        var httpFunctions = Functions.Value.Where(f => Bindings(f).Any(b => Type(b) == "httpTrigger"));

        Assert.Equal(5, httpFunctions.Count());
    }

    [Fact]
    public void Orchestrators_Metadata_AreTheThreeWorkflowOrchestrators()
    {
        var names = FunctionNamesWithTrigger("orchestrationTrigger");

        Assert.Equal(OrchestratorNames.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Activities_Metadata_DeclareOneFunctionPerWorkflowActivity()
    {
        var expected = WorkflowActivityNames().Order(StringComparer.Ordinal);

        var names = FunctionNamesWithTrigger("activityTrigger");

        Assert.Equal(expected, names);
    }

    [Fact]
    public void HostJson_Built_NamesTheHubAndHasNoExtensionBundle()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(BuildOutput.FunctionsAppFile("host.json")));

        var root = document.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.False(root.TryGetProperty("extensionBundle", out _));
        var durableTask = root.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("ZuoraJobFlows", durableTask.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durableTask.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    // Every constant of WorkflowNames that is neither an orchestrator nor an external event names an activity.
    private static IEnumerable<string> WorkflowActivityNames() =>
        typeof(WorkflowNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && !field.Name.EndsWith("Event", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Except(OrchestratorNames);

    private static string[] FunctionNamesWithTrigger(string triggerType) =>
        Functions.Value
            .Where(function => Bindings(function).Any(binding => Type(binding) == triggerType))
            .Select(function => function.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static JsonElement FindFunction(string name) =>
        Assert.Single(Functions.Value, function => function.GetProperty("name").GetString() == name);

    private static JsonElement SingleBinding(JsonElement function, string type) =>
        Assert.Single(Bindings(function), binding => Type(binding) == type);

    private static JsonElement.ArrayEnumerator Bindings(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray();

    private static string? Type(JsonElement binding) => binding.GetProperty("type").GetString();
}
