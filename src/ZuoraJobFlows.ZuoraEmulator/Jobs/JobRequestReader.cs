using System.Text.Json;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Definitions;
using ZuoraJobFlows.ZuoraEmulator.Endpoints;
using ZuoraJobFlows.ZuoraEmulator.Validation;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>Reads and checks the body of <c>POST /objects/jobs</c>.</summary>
internal static class JobRequestReader
{
    private static readonly HashSet<string> s_operations = ["create", "update", "delete"];
    private static readonly HashSet<string> s_operators = ["EQ", "GT", "LT", "GE", "LE"];
    private static readonly FieldDefinition s_idField = new("id", "string", null, null, null);

    public sealed record JobRequest(string Namespace, string ObjectName, string Operation,
        IReadOnlyList<FilterCondition> Filter, string Fingerprint);

    /// <summary>Answers the request, or the 400 explaining what is wrong with it. Call under the state lock.</summary>
    public static (JobRequest? Request, ApiAnswer? Error) Read(
        JsonNode? body, IReadOnlyDictionary<string, ObjectDefinition> definitions)
    {
        if (body is not JsonObject json)
        {
            return Fail(ErrorCodes.JobMalformedRequest, "The body must be a JSON object.");
        }

        var ns = Text(json, "namespace");
        if (ns != "default")
        {
            return Fail(ErrorCodes.JobInvalidNamespace, $"Invalid namespace '{ns}'; custom objects use 'default'.");
        }

        var objectName = Text(json, "object");
        if (objectName is null || !definitions.TryGetValue(objectName, out var definition))
        {
            return Fail(ErrorCodes.JobUnknownObject, $"The custom object '{objectName}' is not defined.");
        }

        var operation = Text(json, "operation");
        if (operation is null || !s_operations.Contains(operation))
        {
            return Fail(ErrorCodes.JobInvalidOperation,
                $"Invalid operation '{operation}'; use create, update or delete.");
        }

        var (filter, filterError) = ReadFilter(json["filter"], operation, definition);
        if (filterError is not null)
        {
            return Fail(ErrorCodes.JobInvalidFilter, filterError);
        }

        var fingerprint = string.Join('|', ns, objectName, operation, json["filter"]?.ToJsonString());
        return (new JobRequest(ns, objectName, operation, filter, fingerprint), null);
    }

    private static (IReadOnlyList<FilterCondition> Filter, string? Error) ReadFilter(
        JsonNode? node, string operation, ObjectDefinition definition)
    {
        var conditions = node is JsonObject filter ? filter["conditions"] as JsonArray : null;
        if (operation != "delete")
        {
            return node is null || conditions is { Count: 0 }
                ? ([], null)
                : ([], $"A filter is only allowed on delete jobs, not on {operation} jobs.");
        }

        if (conditions is null || conditions.Count == 0)
        {
            return ([], "A delete job needs a filter with at least one condition.");
        }

        var result = new List<FilterCondition>();
        foreach (var item in conditions)
        {
            var field = item is JsonObject condition ? Text(condition, "field") : null;
            var op = item is JsonObject c ? Text(c, "operator") : null;
            if (field is null || op is null || !s_operators.Contains(op))
            {
                return ([], "Each condition needs a field and an operator (EQ, GT, LT, GE or LE).");
            }

            var fieldDefinition = field == "id" ? s_idField : definition.Fields.GetValueOrDefault(field);
            if (fieldDefinition is null || (field != "id" && !definition.Filterable.Contains(field)))
            {
                return ([], $"The field '{field}' is not a filterable field of '{definition.Name}'.");
            }

            if (fieldDefinition.Type == "boolean" && op != "EQ")
            {
                return ([], $"The boolean field '{field}' can only be compared with EQ.");
            }

            var raw = item!["value"];
            if (!ValueConverter.TryConvertFilterValue(fieldDefinition, raw, out var value))
            {
                return ([], $"The value for '{field}' is not a valid {fieldDefinition.Type}.");
            }

            result.Add(new FilterCondition(field, op, value, raw?.DeepClone()));
        }

        return (result, null);
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static (JobRequest?, ApiAnswer?) Fail(string code, string message) =>
        (null, ApiAnswer.BadRequest(code, message));
}
