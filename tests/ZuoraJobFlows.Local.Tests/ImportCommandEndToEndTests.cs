using Spectre.Console;
using Xunit.Abstractions;
using ZuoraJobFlows.Local.Cli;

namespace ZuoraJobFlows.Local.Tests;

public sealed class ImportCommandEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zjf-import-").FullName;
    private readonly StringWriter _console = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Import_FileWithAwkwardName_RunsInProcessAndSavesResults()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        var csv = VehicleCsv.Create(goodRecords: 8);
        var file = Path.Combine(_folder, "fleet #1 [v2] 50%20off é.csv");
        await File.WriteAllBytesAsync(file, csv.ToBytes());
        var outDir = Path.Combine(_folder, "results");

        var exitCode = await RunAsync(world, ["import", file, "--object", "vehicle", "--out", outDir]);

        Assert.Equal(ExitCodes.CompletedWithErrors, exitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "errors.csv")));
        Assert.Equal(csv.RetryCsv().ReplaceLineEndings(),
            (await File.ReadAllTextAsync(Path.Combine(outDir, "retry.csv"))).ReplaceLineEndings());
        Assert.Contains("CompletedWithErrors", _console.ToString(), StringComparison.Ordinal);
        Assert.Equal(8, world.Emulator.RecordCount("vehicle"));
        var uploaded = world.Input.GetBlobClient("create/vehicle/fleet #1 [v2] 50%20off é.csv");
        Assert.True((await uploaded.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Import_EveryRecordGood_ExitsZero()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        var file = Path.Combine(_folder, "good.csv");
        await File.WriteAllTextAsync(file,
            VehicleCsv.Header + "\nToyota,Corolla,2021,GOOD0000000000001,white,1,2021-01-01,false\n");

        var exitCode = await RunAsync(world, ["import", file, "--object", "vehicle", "--out", _folder]);

        Assert.Equal(ExitCodes.Completed, exitCode);
        Assert.Equal(1, world.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Import_ZuoraUnreachable_ExitsOneNamingZuora()
    {
        await using var world = await RunnerTestContext.CreateAsync(output,
            settings: new Dictionary<string, string?> { ["Zuora:BaseUrl"] = "http://127.0.0.1:9/" });
        var file = Path.Combine(_folder, "any.csv");
        await File.WriteAllTextAsync(file, VehicleCsv.Header + "\n");

        var exitCode = await RunAsync(world, ["import", file, "--object", "vehicle"]);

        Assert.Equal(ExitCodes.UsageOrEnvironment, exitCode);
        Assert.Contains("Zuora is unreachable at http://127.0.0.1:9/", _console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StorageUnreachable_ExitsOneNamingStorage()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        var file = Path.Combine(_folder, "any.csv");
        await File.WriteAllTextAsync(file, VehicleCsv.Header + "\n");
        var configuration = Hosting.LocalConfiguration.Build(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString.Replace("127.0.0.1:10000", "127.0.0.1:9",
                StringComparison.Ordinal),
        });

        var exitCode = await CommandLine.RunAsync(["import", file, "--object", "vehicle"], configuration,
            CreateConsole(), CancellationToken.None);

        Assert.Equal(ExitCodes.UsageOrEnvironment, exitCode);
        Assert.Contains("Blob storage is unreachable at http://127.0.0.1:9", _console.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsOneWithUsage()
    {
        var exitCode = await CommandLine.RunAsync(["frobnicate"], Hosting.LocalConfiguration.Build(), CreateConsole(),
            CancellationToken.None);

        Assert.Equal(ExitCodes.UsageOrEnvironment, exitCode);
        Assert.Contains("Usage:", _console.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> RunAsync(RunnerTestContext world, string[] args)
    {
        var exitCode = await CommandLine.RunAsync(args, world.Configuration, CreateConsole(), CancellationToken.None);
        output.WriteLine(_console.ToString());
        return exitCode;
    }

    private IAnsiConsole CreateConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(_console),
    });
}
