using System.Text.Json;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>A validated <c>POST /api/imports</c> body.</summary>
internal sealed record ImportRequest(string BlobName, string Operation, string Object, string? Delimiter);

internal static class ImportRequestParser
{
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

        var folders = BlobNameRules.SplitFolders(blobName!);
        operation ??= folders?.Operation;
        objectName ??= folders?.Object;

        if (operation is null)
        {
            errors["operation"] = ["is required when blobName is not '{operation}/{object}/{name}'."];
        }
        else if (operation is not ("create" or "update"))
        {
            errors["operation"] = [$"must be 'create' or 'update', not '{operation}'."];
        }

        if (objectName is null)
        {
            errors["object"] = ["is required when blobName is not '{operation}/{object}/{name}'."];
        }
        else if (!ObjectNameRules.IsValid(objectName))
        {
            errors["object"] = ["must be a custom object API name: a letter, then letters, digits or '_'."];
        }

        if (delimiter is not null && !CsvDelimiter.TryParse(delimiter, out _))
        {
            errors["delimiter"] =
                [$"must be ',', ';', '|' or tab (or comma, semicolon, pipe, tab), not '{delimiter}'."];
        }

        return errors.Count > 0
            ? (null, Problems.BadRequest(errors))
            : (new ImportRequest(blobName!, operation!, objectName!, delimiter), null);
    }
}
