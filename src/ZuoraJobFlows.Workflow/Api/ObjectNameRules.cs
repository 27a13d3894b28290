namespace ZuoraJobFlows.Workflow.Api;

internal static class ObjectNameRules
{
    private const int MaxLength = 64;

    /// <summary>Custom object and field API names: a letter, then letters, digits and underscores.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
