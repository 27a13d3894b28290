using Azure.Storage.Blobs;

namespace ZuoraJobFlows.Workflow.Tests.Infrastructure;

/// <summary>Blob storage for tests: the Azurite that test.sh starts (or that is already listening).</summary>
internal static class Azurite
{
    private const string DefaultConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
        + "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;"
        + "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ZJF_AZURITE_CONNECTION") is { Length: > 0 } value
            ? value
            : DefaultConnection;

    public static BlobServiceClient CreateClient() => new(ConnectionString);

    /// <summary>A container name no other test uses (3-63 lowercase letters, digits and dashes).</summary>
    public static string UniqueContainer(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63,
        prefix.Length + 33)];
}
