using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Workflow.Tests.Infrastructure;

namespace ZuoraJobFlows.Workflow.Tests.Activities;

/// <summary>
/// Blob reads and writes of the activities, on Azurite: whole, pinned to a version, in bounded blocks.
/// </summary>
public sealed class BlobStreamsTests : IAsyncLifetime
{
    private const int Size = (5 * BlobStreams.BufferBytes) / 2;

    private readonly BlobContainerClient _container =
        Azurite.CreateClient().GetBlobContainerClient(Azurite.UniqueContainer("blobstreams"));

    public Task InitializeAsync() => _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _container.DeleteIfExistsAsync();

    [Fact]
    public async Task OpenCsvWriteAsync_LargerThanBuffer_WritesCsvInBlocksOfAtMostTheBuffer()
    {
        var blob = _container.GetBlobClient("staging/chunk-0001.csv");
        var content = Pattern(Size);

        await using (var stream = await BlobStreams.OpenCsvWriteAsync(blob, CancellationToken.None))
        {
            await stream.WriteAsync(content);
        }

        var blocks = (await _container.GetBlockBlobClient(blob.Name).GetBlockListAsync()).Value.CommittedBlocks;
        Assert.Equal(3, blocks.Count());
        Assert.All(blocks, b => Assert.True(b.SizeLong <= BlobStreams.BufferBytes, $"a block of {b.SizeLong}"));
        Assert.Equal("text/csv", (await blob.GetPropertiesAsync()).Value.ContentType);
        Assert.Equal(content, (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_MatchingETag_ReadsTheWholeBlob()
    {
        var content = Pattern(Size);
        var blob = _container.GetBlobClient("create/vehicle/fleet.csv");
        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(content));

        await using var stream = await BlobStreams.OpenReadAsync(blob, uploaded.Value.ETag.ToString(), default);

        Assert.Equal(content, await ReadAllAsync(stream));
    }

    [Fact]
    public async Task OpenReadAsync_BlobReplacedSinceTheRunStarted_Refused412()
    {
        var blob = _container.GetBlobClient("create/vehicle/fleet.csv");
        var first = await blob.UploadAsync(BinaryData.FromString("a,b\n1,2\n"));
        await blob.UploadAsync(BinaryData.FromString("a,b\n3,4\n"), overwrite: true);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => BlobStreams.OpenReadAsync(blob, first.Value.ETag.ToString(), default));

        Assert.Equal(412, ex.Status);
    }

    [Fact]
    public async Task OpenReadAsync_EmptyBlob_ReadsNothing()
    {
        var blob = _container.GetBlobClient("create/vehicle/empty.csv");
        await blob.UploadAsync(BinaryData.FromBytes([]));

        await using var stream = await BlobStreams.OpenReadAsync(blob, eTag: null, default);

        Assert.Empty(await ReadAllAsync(stream));
    }

    [Fact]
    public async Task OpenSeekableReadAsync_LargerThanBuffer_HasLengthAndRereadsWhole()
    {
        var content = Pattern(Size);
        var blob = _container.GetBlobClient("staging/chunk-0002.csv");
        await blob.UploadAsync(BinaryData.FromBytes(content));

        await using var stream = await BlobStreams.OpenSeekableReadAsync(blob, default);
        var first = await ReadAllAsync(stream);
        stream.Position = 0;
        var second = await ReadAllAsync(stream);

        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal(content, first);
        Assert.Equal(content, second);
    }

    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (i * 7 % 26));
        }

        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
