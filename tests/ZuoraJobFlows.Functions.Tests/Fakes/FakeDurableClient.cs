using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace ZuoraJobFlows.Functions.Tests.Fakes;

/// <summary>A Moq'd <see cref="DurableTaskClient"/> that knows the runs a test adds and records new starts.</summary>
internal sealed class FakeDurableClient
{
    private readonly Dictionary<string, OrchestrationMetadata> _runs = new(StringComparer.Ordinal);

    public FakeDurableClient()
    {
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => _runs.GetValueOrDefault(id));
        Mock.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => _runs.GetValueOrDefault(id));
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) =>
                options!.InstanceId!);
    }

    public Mock<DurableTaskClient> Mock { get; } = new("test") { CallBase = false };

    public DurableTaskClient Client => Mock.Object;

    public void AddRun(string id, string orchestratorName, OrchestrationRuntimeStatus status) =>
        _runs[id] = new OrchestrationMetadata(orchestratorName, id)
        {
            RuntimeStatus = status,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
        };

    public void VerifyNothingScheduled() =>
        Mock.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()),
            Times.Never);
}
