using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.DependencyInjection;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Http;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.ZuoraEmulator;

namespace ZuoraJobFlows.Benchmarks;

/// <summary>
/// <see cref="IZuoraClient.UploadFileAsync"/> of a CSV file read from disk, by file size.
/// <c>ToEmulator</c> uploads to the emulator on a loopback port (its allocations are in this process too, so the
/// figure is client plus server); <c>ClientOnly</c> sends the same file through the same client pipeline to a
/// handler that drains the body, so its allocations are the client's alone and must not grow with the file.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(UploadConfig))]
public class UploadBenchmarks
{
    private const long OneMegabyte = 1024 * 1024;

    private ZuoraEmulatorServer? _emulator;
    private ServiceProvider? _emulatorServices;
    private ServiceProvider? _drainServices;
    private IZuoraClient? _emulatorClient;
    private IZuoraClient? _drainClient;
    private string _path = string.Empty;
    private string _jobId = string.Empty;

    /// <summary>File size in MB; the largest stays just under Zuora's 15 MB limit.</summary>
    [Params(1, 15)]
    public int SizeMb { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _path = FilePath(SizeMb);
        WriteFile(_path, FileBytes(SizeMb));

        _emulator = await ZuoraEmulatorServer.StartAsync(options =>
        {
            options.JobStartDelay = TimeSpan.Zero;
            options.MaxActiveJobs = int.MaxValue;
            options.KeepRecords = false;

            // Jobs stay in progress, so the emulator's row processing does not run during measurements.
            options.RecordsPerSecond = 0.001;
        });
        _emulatorServices = ClientServices(_emulator.BaseUrl, _emulator.ClientId, _emulator.ClientSecret)
            .BuildServiceProvider();
        _emulatorClient = _emulatorServices.GetRequiredService<IZuoraClient>();

        var drain = ClientServices(new Uri("http://127.0.0.1:9/"), "bench", "bench");
        foreach (var name in ZuoraHttpClientNames.All)
        {
            drain.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new DrainingHandler());
        }

        _drainServices = drain.BuildServiceProvider();
        _drainClient = _drainServices.GetRequiredService<IZuoraClient>();
    }

    [IterationSetup(Target = nameof(ToEmulator))]
    public void CreatePendingJob() => _jobId = CreatePendingJobAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<BulkJob> ToEmulator()
    {
        await using var file = OpenFile();
        return await _emulatorClient!.UploadFileAsync(_jobId, file, "vehicles.csv");
    }

    [Benchmark]
    public async Task<BulkJob> ClientOnly()
    {
        await using var file = OpenFile();
        return await _drainClient!.UploadFileAsync("job-1", file, "vehicles.csv");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _drainServices?.Dispose();
        _emulatorServices?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    internal static long FileBytes(int sizeMb) => (sizeMb * OneMegabyte) - 4096;

    private static string FilePath(int sizeMb) => Path.Combine(Path.GetTempPath(), $"zjf-upload-{sizeMb}mb.csv");

    private FileStream OpenFile() =>
        new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);

    private async Task<string> CreatePendingJobAsync()
    {
        var job = await _emulatorClient!.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.Status != BulkJobStatus.Pending)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Job {job.Id} did not become pending.");
            }

            await Task.Delay(1);
            job = await _emulatorClient.GetJobAsync(job.Id);
        }

        return job.Id;
    }

    private static ServiceCollection ClientServices(Uri baseUrl, string clientId, string clientSecret)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddZuoraClient(options =>
        {
            options.BaseUrl = baseUrl;
            options.ClientId = clientId;
            options.ClientSecret = clientSecret;
        });
        return services;
    }

    private static void WriteFile(string path, long bytes)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes)
        {
            return;
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        var header = "make__c,model__c,year__c,vin__c,color__c,msrp__c\n";
        writer.Write(header);
        var written = (long)header.Length;
        for (var i = 0; ; i++)
        {
            var line = "Volvo,XC40,2024,YV1X" + i.ToString("D13", CultureInfo.InvariantCulture) + ",white,45000.5\n";
            if (written + line.Length > bytes)
            {
                // Pad the last record so the file has exactly the size asked for.
                writer.Write(new string('#', (int)(bytes - written - 1)) + "\n");
                break;
            }

            writer.Write(line);
            written += line.Length;
        }
    }

    /// <summary>Reads the request body to the end, as a server would, and answers with an in-progress job.</summary>
    private sealed class DrainingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var json = request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal)
                ? """{ "access_token": "t", "token_type": "bearer", "expires_in": 3600 }"""
                : """{ "id": "job-1", "status": "in_progress" }""";
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
        }
    }

    private sealed class UploadConfig : ManualConfig
    {
        public UploadConfig() => AddColumn(new UploadThroughputColumn());
    }

    private sealed class UploadThroughputColumn : IColumn
    {
        public string Id => "UploadMBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "File megabytes (2^20 bytes) uploaded per second";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            if (summary[benchmarkCase]?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            var sizeMb = (int)benchmarkCase.Parameters["SizeMb"];
            var megabytes = FileBytes(sizeMb) / (double)OneMegabyte;
            return (megabytes / (stats.Mean / 1e9)).ToString("F0", CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            GetValue(summary, benchmarkCase);
    }
}
