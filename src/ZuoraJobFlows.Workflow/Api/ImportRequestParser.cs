using System.Text.Json;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// A validated <c>POST /api/imports</c> body. <see cref="Given"/> keeps the fields the body named itself: only those
/// can disagree with a run that already exists for the blob version.
/// </summary>
internal sealed record ImportRequest(string BlobName, string Operation, string Object, ImportChoices Given);

internal static class ImportRequestParser
{
    private const string ObjectNameRule = "a letter, then letters, digits or '_'";

    public static (ImportRequest? Request, ApiResult? Problem) Parse(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        var blobName = JsonBody.OptionalString(root, "blobName", errors);
        var operation = JsonBody.OptionalString(root, "operation", errors);
        var objectName = JsonBody.OptionalString(root, "object", errors);
        var delimiter = JsonBody.OptionalString(root, "delimiter", errors);
        if (errors.Count > 0)
        {
            return (null, Problems.BadRequest(errors));
        }

        var blobProblem = BlobNameRules.Problem(blobName ?? string.Empty);
        if (blobProblem is not null)
        {
            return (null, Problems.BadRequest("blobName", blobProblem));
        }

        var folders = BlobFolders.Read(blobName!);
        var missing = new List<string>();
        var resolvedOperation = ResolveOperation(operation, folders, blobName!, missing, errors);
        var resolvedObject = ResolveObject(objectName, folders, missing, errors);
        ReportMissingFolders(folders, missing, errors);

        if (delimiter is not null && !CsvDelimiter.TryParse(delimiter, out _))
        {
            errors["delimiter"] =
                [$"must be ',', ';', '|' or tab (or comma, semicolon, pipe, tab), not '{delimiter}'."];
        }

        return errors.Count > 0
            ? (null, Problems.BadRequest(errors))
            : (new ImportRequest(blobName!, resolvedOperation!, resolvedObject!,
                new ImportChoices(operation, objectName, delimiter)), null);
    }

    private static string? ResolveOperation(string? given, BlobFolders folders, string blobName,
        List<string> missing, Dictionary<string, string[]> errors)
    {
        if (given is not null)
        {
            if (!BlobFolders.IsOperation(given))
            {
                errors["operation"] = [$"must be 'create' or 'update', not '{given}'."];
            }

            return given;
        }

        if (folders.Operation is null)
        {
            missing.Add("operation");
            return null;
        }

        if (!BlobFolders.IsOperation(folders.Operation))
        {
            var example = $"create/{folders.Object}/{BlobFolders.FileName(blobName)}";
            errors["operation"] =
            [
                $"is not given, and the folder '{folders.Operation}' is not an operation: files go in "
                + $"create/{{object}}/... or update/{{object}}/..., e.g. {example}. Or give 'operation'.",
            ];
        }

        return folders.Operation;
    }

    private static string? ResolveObject(string? given, BlobFolders folders, List<string> missing,
        Dictionary<string, string[]> errors)
    {
        if (given is not null)
        {
            if (!ObjectNameRules.IsValid(given))
            {
                errors["object"] = [$"must be a custom object API name: {ObjectNameRule}."];
            }

            return given;
        }

        if (folders.Object is null)
        {
            missing.Add("object");
            return null;
        }

        if (!ObjectNameRules.IsValid(folders.Object))
        {
            errors["object"] =
            [
                $"is not given, and the folder '{folders.Object}' is not a custom object API name "
                + $"({ObjectNameRule}); "
                + "rename the folder or give 'object'.",
            ];
        }

        return folders.Object;
    }

    // One sentence about the blob's folders, under the one field it leaves open or under blobName when it leaves both.
    private static void ReportMissingFolders(BlobFolders folders, List<string> missing,
        Dictionary<string, string[]> errors)
    {
        if (missing.Count == 2)
        {
            errors["blobName"] = [$"{folders.Missing} Or give 'operation' and 'object'."];
        }
        else if (missing.Count == 1)
        {
            errors[missing[0]] = [$"is required: blobName {folders.Missing} Or give '{missing[0]}'."];
        }
    }
}
