using Microsoft.DurableTask;
using Moq;
using ZuoraJobFlows.Functions.Http;
using ZuoraJobFlows.Functions.Tests.Fakes;
using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace ZuoraJobFlows.Functions.Tests;

public sealed class DeleteHttpFunctionsTests
{
    private readonly FakeDurableClient _durable = new();
    private readonly DeleteHttpFunctions _functions = new(ApiFactory.Create(new FakeInputBlobs()));

    [Fact]
    public async Task StartDelete_ObjectAndFilter_Returns202AndStartsDeleteRun()
    {
        var request = HttpExchange.Request("""
            { "object": "vehicle",
              "filter": { "conditions": [ { "field": "make", "operator": "EQ", "value": "Saab" } ] } }
            """);

        var result = await _functions.StartDeleteAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(202, response.StatusCode);
        var id = response.Body.GetProperty("id").GetString();
        Assert.Equal($"/api/imports/{id}", response.Location);
        _durable.Mock.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(WorkflowNames.DeleteRecordsOrchestrator),
            It.Is<object?>(input => input is DeleteRecordsInput && ((DeleteRecordsInput)input).Object == "vehicle"),
            It.Is<StartOrchestrationOptions?>(options => options!.InstanceId == id),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task StartDelete_NoObject_Returns400NamingTheField()
    {
        var request = HttpExchange.Request("""
            { "filter": { "conditions": [ { "field": "make", "operator": "EQ", "value": "Saab" } ] } }
            """);

        var result = await _functions.StartDeleteAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(400, response.StatusCode);
        Assert.True(response.Body.GetProperty("errors").TryGetProperty("object", out _));
        _durable.VerifyNothingScheduled();
    }
}
