namespace ZuoraJobFlows.Local.Cli;

/// <summary>
/// The custom object API name rule, checked by the CLI before it uploads anything. It repeats the workflow's
/// rule (ObjectNameRules, internal to ZuoraJobFlows.Workflow) so that a bad --object never reaches the blob name;
/// the API checks the same rule again when the run starts.
/// </summary>
internal static class CustomObjectName
{
    public const string Rule = "a letter, then letters, digits or '_', at most 64 characters";

    private const int MaxLength = 64;

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
