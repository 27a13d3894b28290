using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Benchmarks;

/// <summary>
/// CsvPreparer over a generated ~100 MB file (comma and semicolon), chunks written to Stream.Null.
/// The input is a file on disk so the benchmark measures streaming, not a byte array held in memory.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CsvPreparerBenchmarks
{
    public const long TargetBytes = 100L * 1024 * 1024;

    private readonly Dictionary<char, string> _files = [];

    [Params(',', ';')]
    public char Delimiter { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zjf-bench-{(int)Delimiter}.csv");
        if (!File.Exists(path) || new FileInfo(path).Length < TargetBytes)
        {
            WriteFile(path, Delimiter);
        }

        _files[Delimiter] = path;
    }

    [Benchmark]
    public async Task<long> Prepare()
    {
        await using var input = new FileStream(
            _files[Delimiter], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

        var result = await new CsvPreparer().PrepareAsync(
            input,
            new CsvPrepareOptions(),
            (_, _) => Task.FromResult(Stream.Null),
            CancellationToken.None);

        return result.Accepted ? result.Records : throw new InvalidOperationException(result.RejectionReason);
    }

    private static void WriteFile(string path, char d)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(
            d, "id", "make__c", "model__c", "year__c", "vin__c", "color__c", "msrp__c", "note__c"));
        writer.Write("\r\n");

        var written = 0L;
        for (var i = 0; written < TargetBytes; i++)
        {
            var quoted = i % 10 == 0 ? $"\"Quoted {d} note, with \"\"quotes\"\"\"" : "plain note";
            var line = string.Join(
                d,
                i.ToString(CultureInfo.InvariantCulture),
                "Volvo",
                "XC40 Recharge",
                "2024",
                "YV1XZ12345A" + i.ToString("D6", CultureInfo.InvariantCulture),
                "white",
                d == ';' ? "45000,50" : "45000.50",
                quoted) + "\r\n";
            writer.Write(line);
            written += line.Length;
        }
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Input megabytes (2^20 bytes) prepared per second";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            var delimiter = (char)benchmarkCase.Parameters["Delimiter"];
            var bytes = new FileInfo(Path.Combine(Path.GetTempPath(), $"zjf-bench-{(int)delimiter}.csv")).Length;
            var seconds = stats.Mean / 1e9;
            return (bytes / (1024.0 * 1024.0) / seconds).ToString("F0", CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            GetValue(summary, benchmarkCase);
    }
}
