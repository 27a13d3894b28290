using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.ZuoraEmulator;

namespace ZuoraJobFlows.Zuora.Tests.Contract;

/// <summary>The real client, wired by <c>AddZuoraClient</c>, talking to an emulator on a loopback port.</summary>
internal sealed class ContractSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ContractSession(ZuoraEmulatorServer emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
        Client = services.GetRequiredService<IZuoraClient>();
    }

    public ZuoraEmulatorServer Emulator { get; }

    public IZuoraClient Client { get; }

    public static async Task<ContractSession> StartAsync(
        Action<EmulatorOptions>? emulator = null, Action<ZuoraClientOptions>? client = null)
    {
        var server = await ZuoraEmulatorServer.StartAsync(options =>
        {
            options.JobStartDelay = TimeSpan.FromMilliseconds(20);
            options.RecordsPerSecond = 0;
            emulator?.Invoke(options);
        });
        var services = new ServiceCollection()
            .AddLogging()
            .AddZuoraClient(options =>
            {
                options.BaseUrl = server.BaseUrl;
                options.ClientId = server.ClientId;
                options.ClientSecret = server.ClientSecret;
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                client?.Invoke(options);
            })
            .BuildServiceProvider();
        return new ContractSession(server, services);
    }

    public async Task<BulkJob> WaitForStatusAsync(string jobId, params BulkJobStatus[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var job = await Client.GetJobAsync(jobId);
            if (statuses.Contains(job.Status) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(20);
        }
    }

    public Task<BulkJob> WaitForPendingAsync(string jobId) => WaitForStatusAsync(jobId, BulkJobStatus.Pending);

    public Task<BulkJob> WaitForEndAsync(string jobId) =>
        WaitForStatusAsync(jobId, BulkJobStatus.Completed, BulkJobStatus.Failed, BulkJobStatus.Cancelled);

    /// <summary>Submits a job, waits for pending, uploads the CSV and waits for the end.</summary>
    public async Task<BulkJob> RunAsync(BulkJobOperation operation, string csv, string objectName = "vehicle")
    {
        var job = await Client.SubmitJobAsync(new BulkJobRequest(objectName, operation));
        await WaitForPendingAsync(job.Id);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await Client.UploadFileAsync(job.Id, content, "data.csv");
        return await WaitForEndAsync(job.Id);
    }

    public async Task<List<BulkJobError>> ErrorsAsync(string jobId)
    {
        var errors = new List<BulkJobError>();
        await foreach (var error in Client.GetJobErrorsAsync(jobId))
        {
            errors.Add(error);
        }

        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
