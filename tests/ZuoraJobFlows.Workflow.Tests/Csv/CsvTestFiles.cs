using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>Reads the shared case files and runs the preparer into memory.</summary>
internal static class CsvTestFiles
{
    public static byte[] Case(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Cases", name));

    public static async Task<PreparedCsv> PrepareAsync(
        byte[] input, CsvPrepareOptions? options = null, int bufferSize = 1024 * 1024)
    {
        var chunks = new List<MemoryStream>();
        var preparer = new CsvPreparer(bufferSize);

        var result = await preparer.PrepareAsync(
            new MemoryStream(input),
            options ?? new CsvPrepareOptions(),
            (index, _) =>
            {
                Assert.Equal(chunks.Count, index);
                var stream = new MemoryStream();
                chunks.Add(stream);
                return Task.FromResult<Stream>(stream);
            },
            CancellationToken.None);

        return new PreparedCsv(result, chunks.Select(chunk => chunk.ToArray()).ToList());
    }

    public static Task<PreparedCsv> PrepareCaseAsync(string name, CsvPrepareOptions? options = null) =>
        PrepareAsync(Case(name), options);
}

internal sealed record PreparedCsv(CsvPreparation Result, IReadOnlyList<byte[]> Chunks)
{
    public string ChunkText(int index) => Encoding.UTF8.GetString(Chunks[index]);
}
