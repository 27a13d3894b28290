using System.Text;
using ZuoraJobFlows.Zuora.Http;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class CsvFileContentTests
{
    [Fact]
    public async Task CopyToAsync_SecondSendOfSeekableStream_SendsWholeFileAgain()
    {
        using var file = new MemoryStream("a,b\n1,2\n"u8.ToArray());
        using var content = new CsvFileContent(file);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await content.CopyToAsync(first);
        await content.CopyToAsync(second);

        Assert.Equal("a,b\n1,2\n", Encoding.UTF8.GetString(second.ToArray()));
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task CopyToAsync_SecondSendOfNonSeekableStream_ThrowsInsteadOfSendingTheRest()
    {
        var source = new CountingReadStream(100);
        using var content = new CsvFileContent(source);
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await content.CopyToAsync(first);

        await Assert.ThrowsAsync<InvalidOperationException>(() => content.CopyToAsync(second));

        Assert.Equal(0, second.Length);
    }
}
