namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>A private temp folder for uploaded files, removed when the emulator stops.</summary>
internal sealed class UploadFolder : IDisposable
{
    public UploadFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zuora-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string NewFilePath() => System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N") + ".csv");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping job; the OS temp cleanup takes it.
        }
    }
}
