namespace ZuoraJobFlows.Local.Cli;

/// <summary>Positional arguments and <c>--name value</c> options of one command line.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positionals = [];

    private CliArguments()
    {
    }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <exception cref="UsageException">An option has no value or an unknown option is given.</exception>
    public static CliArguments Parse(IEnumerable<string> args, IReadOnlySet<string> knownOptions)
    {
        var parsed = new CliArguments();
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var item = items.Current;
            if (!item.StartsWith("--", StringComparison.Ordinal) || item.Length == 2)
            {
                parsed._positionals.Add(item);
                continue;
            }

            var name = item[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!knownOptions.Contains(name))
            {
                throw new UsageException($"unknown option --{name}");
            }

            if (value is null && !items.MoveNext())
            {
                throw new UsageException($"option --{name} needs a value");
            }

            parsed._options[name] = value ?? items.Current;
        }

        return parsed;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);
}
