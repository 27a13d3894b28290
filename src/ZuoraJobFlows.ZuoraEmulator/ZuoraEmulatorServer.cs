using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZuoraJobFlows.ZuoraEmulator.Hosting;
using ZuoraJobFlows.ZuoraEmulator.Jobs;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator;

/// <summary>
/// The emulator started in-process on a free loopback port, for tests of other projects. Change
/// <see cref="Options"/> at run time (fault rate, pace, token lifetime) and read what happened through the
/// inspection members.
/// </summary>
public sealed class ZuoraEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly TokenStore _tokens;

    private ZuoraEmulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = app.Services.GetRequiredService<EmulatorOptions>();
        _state = app.Services.GetRequiredService<EmulatorState>();
        _tokens = app.Services.GetRequiredService<TokenStore>();
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The live options; changes apply to the next request or record.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The client id the emulator accepts.</summary>
    public string ClientId => Options.ClientId;

    /// <summary>The client secret the emulator accepts.</summary>
    public string ClientSecret => Options.ClientSecret;

    /// <summary>Starts an emulator on <c>http://127.0.0.1:0</c> (a free port) with quiet logging.</summary>
    public static async Task<ZuoraEmulatorServer> StartAsync(
        Action<EmulatorOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var app = EmulatorApp.Build([], "http://127.0.0.1:0", configure, ignoreConfiguration: true,
            adjust: builder => builder.Logging.ClearProviders());
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new ZuoraEmulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Records of <paramref name="objectName"/> stored now.</summary>
    public int RecordCount(string objectName)
    {
        lock (_state.Gate)
        {
            return _state.Tables.TryGetValue(objectName, out var table) ? table.Count : 0;
        }
    }

    /// <summary>The stored records of <paramref name="objectName"/> as field to value maps (with <c>id</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object>> Records(string objectName)
    {
        lock (_state.Gate)
        {
            if (!_state.Tables.TryGetValue(objectName, out var table))
            {
                return [];
            }

            return [.. table.Records.Select(record =>
            {
                var values = new Dictionary<string, object>(record.Values, StringComparer.Ordinal)
                {
                    ["id"] = record.Id,
                };
                return (IReadOnlyDictionary<string, object>)values;
            })];
        }
    }

    /// <summary>Jobs created since start (idempotent replays and refusals not counted).</summary>
    public int JobsCreated
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.JobsCreated;
            }
        }
    }

    /// <summary>The ids of all jobs, oldest first.</summary>
    public IReadOnlyList<string> JobIds
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.JobOrder.Select(job => job.Id)];
            }
        }
    }

    /// <summary>The most jobs that were accepted, pending or in progress at the same time.</summary>
    public int MaxActiveJobsSeen
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.MaxActiveJobsSeen;
            }
        }
    }

    /// <summary>Jobs accepted, pending or in progress now.</summary>
    public int ActiveJobs
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.ActiveJobCount();
            }
        }
    }

    /// <summary>Tokens issued since start.</summary>
    public int TokensIssued => _tokens.Issued;

    /// <summary>Upload requests received for a job, refused and replayed ones included.</summary>
    public int UploadsReceived(string jobId) => ReadJob(jobId, job => job.UploadsReceived);

    /// <summary>
    /// Uploads to the job whose whole file arrived (a body cut off by a dropped connection or a killed client is not
    /// counted): more than one means a file was sent twice.
    /// </summary>
    public int WholeFilesReceived(string jobId) => ReadJob(jobId, job => job.WholeFilesReceived);

    /// <summary><c>GET /objects/jobs/{id}</c> calls received for a job.</summary>
    public int StatusGets(string jobId) => ReadJob(jobId, job => job.StatusGets);

    /// <summary>The job's status now, e.g. <c>in_progress</c>; null for an unknown id.</summary>
    public string? JobStatus(string jobId)
    {
        lock (_state.Gate)
        {
            return _state.Jobs.TryGetValue(jobId, out var job) ? job.Status : null;
        }
    }

    /// <summary>Stops the emulator and removes its temp files.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private int ReadJob(string jobId, Func<EmulatedJob, int> read)
    {
        lock (_state.Gate)
        {
            return _state.Jobs.TryGetValue(jobId, out var job) ? read(job) : 0;
        }
    }
}
