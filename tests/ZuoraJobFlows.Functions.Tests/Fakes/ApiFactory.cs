using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Options;

namespace ZuoraJobFlows.Functions.Tests.Fakes;

internal static class ApiFactory
{
    public static ImportApi Create(FakeInputBlobs blobs) =>
        new(
            blobs.Service,
            Options.Create(new ImportsOptions { InputContainer = FakeInputBlobs.Container }),
            Options.Create(new PollingOptions()),
            TimeProvider.System,
            NullLogger<ImportApi>.Instance);
}
