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

        var objectName = arguments.Option("object");
        if (string.IsNullOrWhiteSpace(objectName))
        {
            throw new UsageException("--object OBJ is required (the custom object's API name, e.g. vehicle)");
        }

        var operation = (arguments.Option("operation") ?? "create").ToLowerInvariant();
        if (operation is not ("create" or "update"))
        {
            throw new UsageException("--operation must be create or update");
        }

        var output = arguments.Option("out")
            ?? Path.Combine("out", Path.GetFileNameWithoutExtension(file));

        return new ImportRequest(Path.GetFullPath(file), objectName.Trim(), operation, Path.GetFullPath(output),
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

    private static char? ParseDelimiter(CliArguments arguments)
    {
        var value = arguments.Option("delimiter");
        return value switch
        {
            null => null,
            "\\t" or "tab" => '\t',
            { Length: 1 } => value[0],
            _ => throw new UsageException("--delimiter takes one character, e.g. ; or tab"),
        };
    }
}
