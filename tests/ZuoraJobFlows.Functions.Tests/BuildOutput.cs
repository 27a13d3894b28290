namespace ZuoraJobFlows.Functions.Tests;

/// <summary>Finds the Functions app's build output for the configuration these tests were built in.</summary>
internal static class BuildOutput
{
    public static string FunctionsAppFile(string fileName)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var targetFramework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;

        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ZuoraJobFlows.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(
            root.FullName, "src", "ZuoraJobFlows.Functions", "bin", configuration, targetFramework, fileName);
        Assert.True(File.Exists(path), $"{path} is missing; build src/ZuoraJobFlows.Functions in {configuration}.");
        return path;
    }
}
