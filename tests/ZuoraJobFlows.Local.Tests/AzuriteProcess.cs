using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>
/// An Azurite of one test's own, on free loopback ports and in its own folder, that the test can stop and start
/// again on the same ports and data (the shared Azurite of the other tests is left alone).
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly string _executable;
    private readonly int[] _ports;
    private Process? _process;

    private AzuriteProcess(string executable, int[] ports, string location)
    {
        _executable = executable;
        _ports = ports;
        Location = location;
    }

    public string Location { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = new AzuriteProcess(FindExecutable(), [FreePort(), FreePort(), FreePort()],
            Directory.CreateTempSubdirectory("zjf-azurite-").FullName);
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{_ports[0]}", "--queuePort", $"{_ports[1]}", "--tablePort", $"{_ports[2]}",
            "--location", Location, "--skipApiVersionCheck", "--silent", "--loose",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in _ports)
        {
            await WaitFor.ConditionAsync(() => IsListeningAsync(port), up => up == true, TimeSpan.FromSeconds(30),
                $"Azurite on port {port}");
        }
    }

    /// <summary>
    /// Stops Azurite as a service restart would (SIGTERM, it saves its state), or kills it after 10 s.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", $"{_process.Id}"]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Location, recursive: true);
    }

    private static async Task<bool?> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // node_modules/.bin/azurite of the repository (npm ci installs it), found upwards from the test binaries.
    private static string FindExecutable()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("node_modules/.bin/azurite not found; run npm ci at the repository root");
    }
}
