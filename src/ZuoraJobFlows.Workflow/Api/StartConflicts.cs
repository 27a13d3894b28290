using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// A start for a blob version that already has a run cannot change what that run does: the run id stands for the
/// blob version, so answering with the run would silently drop the request's own settings.
/// </summary>
internal static class StartConflicts
{
    /// <summary>
    /// The fields <paramref name="given"/> names that differ from the <paramref name="run"/>'s, each with both values;
    /// empty when the request agrees with the run or leaves the field open.
    /// </summary>
    public static Dictionary<string, string[]> Differences(ImportChoices given, ImportChoices run)
    {
        var errors = new Dictionary<string, string[]>();
        if (given.Operation is not null && !string.Equals(given.Operation, run.Operation, StringComparison.Ordinal))
        {
            errors["operation"] = [Differs(given.Operation, $"'{run.Operation}'")];
        }

        if (given.Object is not null && !string.Equals(given.Object, run.Object, StringComparison.Ordinal))
        {
            errors["object"] = [Differs(given.Object, $"'{run.Object}'")];
        }

        if (given.Delimiter is not null && !SameDelimiter(given.Delimiter, run.Delimiter))
        {
            var runs = run.Delimiter is null
                ? "none (it detects the delimiter from the file's header)"
                : $"'{Display(run.Delimiter)}'";
            errors["delimiter"] = [Differs(Display(given.Delimiter), runs)];
        }

        return errors;
    }

    /// <summary>The 409 answer: the fields, both values, the run, and how to import with the request's settings.
    /// </summary>
    public static ApiResult Conflict(string runId, string blobName, ImportChoices given, ImportChoices run,
        IReadOnlyDictionary<string, string[]> differences)
    {
        var where = $"{given.Operation ?? run.Operation}/{given.Object ?? run.Object}/{BlobFolders.FileName(blobName)}";
        var delimiter = given.Delimiter ?? run.Delimiter;
        var metadata = delimiter is null ? "" : $" with blob metadata delimiter={Display(delimiter)}";
        var fields = string.Join("; ", differences.Select(d => $"{d.Key} {d.Value[0].TrimEnd('.')}"));
        var detail =
            $"Run {runId} already imports this version of '{blobName}', and a run's settings cannot change: "
            + $"{fields}. Check the existing run first (GET {ImportApi.StatusUri(runId)}): if it read the file as "
            + "you meant (a detected delimiter is often the one you name), there is nothing to do, and importing "
            + "the file again would load its rows twice. Otherwise, once that run has ended or been cancelled, "
            + $"upload the file again as '{where}'{metadata}: each upload is a new version with its own run, which "
            + "takes the operation and object from the folders and the delimiter from the metadata.";
        return Problems.StartConflict(runId, detail, differences);
    }

    private static string Differs(string given, string runs) =>
        $"is '{given}' in this request, but the run has {runs}.";

    private static bool SameDelimiter(string given, string? run)
    {
        if (run is null)
        {
            return false;
        }

        return CsvDelimiter.TryParse(given, out var a) && CsvDelimiter.TryParse(run, out var b)
            ? a == b
            : string.Equals(given, run, StringComparison.Ordinal);
    }

    private static string Display(string delimiter) =>
        CsvDelimiter.TryParse(delimiter, out var parsed) ? CsvDelimiter.Describe(parsed) : delimiter;
}
