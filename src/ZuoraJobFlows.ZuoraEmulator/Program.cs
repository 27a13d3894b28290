using ZuoraJobFlows.ZuoraEmulator.Hosting;

namespace ZuoraJobFlows.ZuoraEmulator;

/// <summary>
/// Runs the emulator: <c>dotnet run --project src/ZuoraJobFlows.ZuoraEmulator -- --urls http://127.0.0.1:7080</c>.
/// Settings come from the <c>Emulator</c> section (e.g. <c>Emulator__TokenLifetime=00:05:00</c> or
/// <c>--Emulator:FaultRate 0.1</c>).
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var app = EmulatorApp.Build(args, EmulatorApp.DefaultUrl);
        await app.RunAsync();
    }
}
