namespace ZuoraJobFlows.Local.Cli;

/// <summary>The <c>import</c> command line, checked.</summary>
internal sealed record ImportRequest(
    string FilePath,
    string ObjectName,
    string Operation,
    string OutputDirectory,
    Uri? FunctionsHost,
    Uri? ApiUrl,
    char? Delimiter)
{
    public static readonly IReadOnlySet<string> Options =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "object", "operation", "out", "functions-host", "api", "delimiter",
        };

    public static ImportRequest From(CliArguments arguments)
    {
        if (arguments.Positionals.Count != 1)
        {
            throw new UsageException("import takes exactly one FILE");
        }

        var file = arguments.Positionals[0];
        if (!File.Exists(file))
        {
            throw new UsageException($"file not found: {file}");
        }

        var objectName = arguments.Option("object")?.Trim();
        if (string.IsNullOrEmpty(objectName))
        {
            throw new UsageException("--object OBJ is required (the custom object's API name, e.g. vehicle)");
        }

        // Checked before anything is uploaded: the name becomes a folder of the blob's name.
        if (!CustomObjectName.IsValid(objectName))
        {
            throw new UsageException(
                $"--object '{objectName}' is not a custom object API name: {CustomObjectName.Rule}, e.g. vehicle");
        }

        var operation = (arguments.Option("operation") ?? "create").Trim().ToLowerInvariant();
        if (operation is not ("create" or "update"))
        {
            throw new UsageException($"--operation must be create or update, not '{operation}'");
        }

        var output = arguments.Option("out")
            ?? Path.Combine("out", Path.GetFileNameWithoutExtension(file));

        return new ImportRequest(Path.GetFullPath(file), objectName, operation, Path.GetFullPath(output),
            OptionalUrl(arguments, "functions-host"), OptionalUrl(arguments, "api"), ParseDelimiter(arguments));
    }

    private static Uri? OptionalUrl(CliArguments arguments, string name)
    {
        var value = arguments.Option(name);
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri)
               && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--{name} must be an http(s) URL, e.g. http://localhost:7071");
    }

    // The delimiters the workflow reads (and their names); anything else would only be rejected after the upload.
    private static char? ParseDelimiter(CliArguments arguments)
    {
        var value = arguments.Option("delimiter");
        return value switch
        {
            null => null,
            "," or ";" or "|" or "\t" => value[0],
            _ => value.Trim().ToLowerInvariant() switch
            {
                "comma" => ',',
                "semicolon" => ';',
                "pipe" => '|',
                "tab" or "\\t" => '\t',
                _ => throw new UsageException(
                    $"--delimiter must be one of , ; | or tab (also comma, semicolon, pipe), not '{value}'"),
            },
        };
    }
}
