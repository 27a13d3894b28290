namespace ZuoraJobFlows.Local.Tests;

/// <summary>The Azurite account the end-to-end tests use, and names unique to one test.</summary>
internal static class TestStorage
{
    private const string FallbackConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ZJF_AZURITE_CONNECTION") is { Length: > 0 } value
            ? value
            : FallbackConnection;

    public static string UniqueName(string prefix) =>
        prefix + Guid.NewGuid().ToString("N")[..12];
}
