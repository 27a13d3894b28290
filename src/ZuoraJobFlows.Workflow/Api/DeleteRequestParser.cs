using System.Text.Json;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>A validated <c>POST /api/deletes</c> body.</summary>
internal sealed record DeleteRequest(string Object, BulkJobFilter Filter);

internal static class DeleteRequestParser
{
    public static (DeleteRequest? Request, ApiResult? Problem) Parse(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        var objectName = JsonBody.OptionalString(root, "object", errors);
        if (objectName is null && !errors.ContainsKey("object"))
        {
            errors["object"] = ["is required."];
        }
        else if (objectName is not null && !ObjectNameRules.IsValid(objectName))
        {
            errors["object"] = ["must be a custom object API name: a letter, then letters, digits or '_'."];
        }

        var conditions = ParseConditions(root, errors);
        return errors.Count > 0
            ? (null, Problems.BadRequest(errors))
            : (new DeleteRequest(objectName!, new BulkJobFilter(conditions)), null);
    }

    private static List<BulkJobCondition> ParseConditions(JsonElement root, Dictionary<string, string[]> errors)
    {
        var conditions = new List<BulkJobCondition>();
        if (!root.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
        {
            errors["filter"] = ["is required: { \"conditions\": [ { \"field\", \"operator\", \"value\" } ] }."];
            return conditions;
        }

        if (!filter.TryGetProperty("conditions", out var list) || list.ValueKind != JsonValueKind.Array
            || list.GetArrayLength() == 0)
        {
            // Deleting every record of an object by accident is too easy without at least one condition.
            errors["filter.conditions"] = ["must be a non-empty array."];
            return conditions;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var condition = ParseCondition(item, $"filter.conditions[{index}]", errors);
            if (condition is not null)
            {
                conditions.Add(condition);
            }

            index++;
        }

        return conditions;
    }

    private static BulkJobCondition? ParseCondition(JsonElement item, string path, Dictionary<string, string[]> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors[path] = ["must be an object with field, operator and value."];
            return null;
        }

        var local = new Dictionary<string, string[]>();
        var field = JsonBody.OptionalString(item, "field", local);
        var op = JsonBody.OptionalString(item, "operator", local);
        if (!ObjectNameRules.IsValid(field))
        {
            errors[$"{path}.field"] = ["must be a field API name."];
        }

        FilterOperator parsed = default;
        if (op is null || !Enum.TryParse(op, ignoreCase: false, out parsed) || !Enum.IsDefined(parsed)
            || !op.All(char.IsAsciiLetterUpper))
        {
            errors[$"{path}.operator"] = ["must be one of EQ, GT, LT, GE, LE."];
        }

        if (!item.TryGetProperty("value", out var value)
            || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True
                or JsonValueKind.False))
        {
            errors[$"{path}.value"] = ["must be a string, number or boolean."];
        }

        return errors.Keys.Any(k => k.StartsWith(path, StringComparison.Ordinal))
            ? null
            : new BulkJobCondition(field!, parsed, value.Clone());
    }
}
