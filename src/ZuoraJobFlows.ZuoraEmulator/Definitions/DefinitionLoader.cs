using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Definitions;

/// <summary>Finds and reads the definition files loaded at start.</summary>
internal static class DefinitionLoader
{
    public static string? FindDefinitionsFolder(string? configured, params string[] startFolders)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "samples", "definitions");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static IReadOnlyList<ObjectDefinition> LoadFolder(string folder, DateTimeOffset now)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The definitions folder '{folder}' does not exist.");
        }

        var result = new List<ObjectDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(file);
                result.AddRange(DefinitionParser.ParseDocument(JsonNode.Parse(stream), now));
            }
            catch (Exception exception) when (exception is DefinitionException or System.Text.Json.JsonException)
            {
                throw new DefinitionException($"The definition file '{file}' is invalid: {exception.Message}",
                    exception);
            }
        }

        return result;
    }
}
