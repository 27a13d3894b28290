using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Moq;

namespace ZuoraJobFlows.Functions.Tests.Fakes;

/// <summary>An input container holding the blobs a test adds; any other name answers 404 as storage does.</summary>
internal sealed class FakeInputBlobs
{
    public const string Container = "zuora-imports";

    private readonly Dictionary<string, Mock<BlobClient>> _blobs = new(StringComparer.Ordinal);
    private readonly Mock<BlobServiceClient> _service = new();
    private readonly Mock<BlobContainerClient> _container = new();

    public FakeInputBlobs()
    {
        _service.Setup(s => s.GetBlobContainerClient(It.IsAny<string>())).Returns(_container.Object);
        _container.Setup(c => c.GetBlobClient(It.IsAny<string>()))
            .Returns((string name) => _blobs.TryGetValue(name, out var blob) ? blob.Object : Missing(name));
    }

    public BlobServiceClient Service => _service.Object;

    public static Mock<BlobClient> Blob(string name, long length, string eTag)
    {
        var properties = BlobsModelFactory.BlobProperties(
            contentLength: length, eTag: new ETag(eTag), metadata: new Dictionary<string, string>());
        var blob = new Mock<BlobClient>();
        blob.SetupGet(b => b.Name).Returns(name);
        blob.SetupGet(b => b.BlobContainerName).Returns(Container);
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(properties, Mock.Of<Response>()));
        return blob;
    }

    public Mock<BlobClient> Add(string name, long length, string eTag)
    {
        var blob = Blob(name, length, eTag);
        _blobs[name] = blob;
        return blob;
    }

    private static BlobClient Missing(string name)
    {
        var blob = new Mock<BlobClient>();
        blob.SetupGet(b => b.Name).Returns(name);
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "The specified blob does not exist.", "BlobNotFound", null));
        return blob.Object;
    }
}
