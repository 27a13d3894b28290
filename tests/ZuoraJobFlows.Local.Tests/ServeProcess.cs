using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>
/// <c>zjf serve</c> as a child process (the zjf.dll copied next to the tests), so a test can kill it the way an
/// operating system would: no stop, no flush, leases and taken messages left behind.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly string[] SettingSections = ["DurableTask", "Zuora", "Imports", "Polling", "Watcher"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ITestOutputHelper _output;
    private bool _disposed;

    private ServeProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    public static ServeProcess Start(IConfiguration configuration, ITestOutputHelper output)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zjf.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in EnvironmentSettings(configuration))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("zjf serve did not start");
        var serve = new ServeProcess(process, output);
        process.OutputDataReceived += (_, line) => serve.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => serve.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>SIGKILL of the runner and anything it started.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        Flush("killed");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    // The settings the in-process runner of RunnerTestContext would use, as the environment variables of the
    // settings table (Zuora__BaseUrl and so on).
    private static IEnumerable<KeyValuePair<string, string>> EnvironmentSettings(IConfiguration configuration)
    {
        yield return new("AzureWebJobsStorage", configuration["AzureWebJobsStorage"]!);
        foreach (var section in SettingSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    yield return new(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    private void Flush(string how)
    {
        _output.WriteLine($"--- zjf serve (pid {_process.Id}, {how}):");
        while (_lines.TryDequeue(out var line))
        {
            _output.WriteLine(line);
        }
    }
}
