using Spectre.Console;
using Xunit.Abstractions;
using ZuoraJobFlows.Local.Cli;

namespace ZuoraJobFlows.Local.Tests;

public sealed class CliImportValidationTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zjf-cli-").FullName;
    private readonly StringWriter _console = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--object", "../x")]
    [InlineData("--object", "bad name")]
    [InlineData("--operation", "delete")]
    [InlineData("--delimiter", "x")]
    public async Task Import_BadOption_ExitsOneNamingItAndUploadsNothing(string option, string value)
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        var file = Path.Combine(_folder, "cars.csv");
        await File.WriteAllTextAsync(file, VehicleCsv.Header + "\n");
        string[] args = option == "--object"
            ? ["import", file, option, value]
            : ["import", file, "--object", "vehicle", option, value];

        var exitCode = await RunAsync(world, args);

        var uploaded = new List<string>();
        await foreach (var blob in world.Input.GetBlobsAsync())
        {
            uploaded.Add(blob.Name);
        }

        Assert.Equal(ExitCodes.UsageOrEnvironment, exitCode);
        Assert.Contains($"error: {option}", _console.ToString(), StringComparison.Ordinal);
        Assert.Empty(uploaded);
    }

    [Fact]
    public async Task Import_ApiRefusesTheStart_ExitsOneWithReadableProblem()
    {
        await using var serving = await RunnerTestContext.CreateAsync(output);
        var runner = await serving.StartRunnerAsync();
        await using var uploading = await RunnerTestContext.CreateAsync(output);
        var file = Path.Combine(_folder, "cars.csv");
        await File.WriteAllTextAsync(file, VehicleCsv.Header + "\n");

        // The CLI uploads to its own input container, which the serving runner does not read: it answers 404.
        var exitCode = await RunAsync(uploading,
            ["import", file, "--object", "vehicle", "--api", runner.HttpAddress!.ToString()]);

        var text = _console.ToString();
        Assert.Equal(ExitCodes.UsageOrEnvironment, exitCode);
        Assert.Contains("error: The run was not started: the runner API answered 404: No blob", text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\"detail\"", text, StringComparison.Ordinal);
    }

    private async Task<int> RunAsync(RunnerTestContext world, string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_console),
        });
        console.Profile.Width = 200;
        var exitCode = await CommandLine.RunAsync(args, world.Configuration, console, CancellationToken.None);
        output.WriteLine(_console.ToString());
        return exitCode;
    }
}
