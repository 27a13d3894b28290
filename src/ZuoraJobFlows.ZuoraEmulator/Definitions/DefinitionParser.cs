using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Definitions;

/// <summary>Reads definitions in Zuora's schema form and refuses what Zuora would not accept.</summary>
internal static class DefinitionParser
{
    private static readonly HashSet<string> s_types = ["string", "number", "integer", "boolean"];
    private static readonly HashSet<string> s_formats = ["date", "date-time"];

    /// <summary>
    /// Reads a document that is either <c>{ "definitions": { name: schema } }</c> (entries may also be in the
    /// list-response form <c>{ "schema": {...} }</c>) or one schema object.
    /// </summary>
    public static IReadOnlyList<ObjectDefinition> ParseDocument(JsonNode? document, DateTimeOffset now)
    {
        if (document is not JsonObject root)
        {
            throw new DefinitionException("The body must be a JSON object.");
        }

        if (root["definitions"] is JsonObject definitions)
        {
            return [.. definitions.Select(pair => ParseSchema(Unwrap(pair.Value), pair.Key, now))];
        }

        if (root.ContainsKey("definitions"))
        {
            throw new DefinitionException("'definitions' must be an object keyed by object name.");
        }

        return [ParseSchema(Unwrap(root), null, now)];
    }

    private static JsonNode? Unwrap(JsonNode? entry) =>
        entry is JsonObject wrapper && wrapper["schema"] is JsonObject schema ? schema : entry;

    private static ObjectDefinition ParseSchema(JsonNode? node, string? key, DateTimeOffset now)
    {
        if (node is not JsonObject schema)
        {
            throw new DefinitionException($"The definition '{key}' must be a JSON object.");
        }

        var name = ReadString(schema, "object") ?? key
            ?? throw new DefinitionException("A definition needs an 'object' name.");
        if (key is not null && !string.Equals(key, name, StringComparison.Ordinal))
        {
            throw new DefinitionException($"The key '{key}' does not match the object name '{name}'.");
        }

        if (name.Length is 0 or > 64)
        {
            throw new DefinitionException("The object name must have 1 to 64 characters.");
        }

        if (schema["properties"] is not JsonObject properties || properties.Count == 0)
        {
            throw new DefinitionException($"The definition '{name}' needs at least one property.");
        }

        var fields = properties.ToDictionary(pair => pair.Key, pair => ParseField(name, pair.Key, pair.Value),
            StringComparer.Ordinal);
        var copy = schema.DeepClone().AsObject();
        copy["object"] = name;

        return new ObjectDefinition(
            name,
            fields,
            ReadFieldList(schema, "required", fields),
            ReadFieldList(schema, "unique", fields),
            ReadFieldList(schema, "filterable", fields),
            copy)
        {
            CreatedDate = now,
            UpdatedDate = now,
        };
    }

    private static FieldDefinition ParseField(string objectName, string fieldName, JsonNode? node)
    {
        if (node is not JsonObject property)
        {
            throw new DefinitionException($"Property '{fieldName}' of '{objectName}' must be an object.");
        }

        var type = ReadString(property, "type");
        if (type is null || !s_types.Contains(type))
        {
            throw new DefinitionException(
                $"Property '{fieldName}' of '{objectName}' has type '{type}'; use string, number, integer or boolean.");
        }

        var format = ReadString(property, "format");
        if (format is not null && (type != "string" || !s_formats.Contains(format)))
        {
            throw new DefinitionException(
                $"Property '{fieldName}' of '{objectName}' has format '{format}'; use date or date-time on a string.");
        }

        int? maxLength = property["maxLength"] is JsonValue length && length.TryGetValue<int>(out var value)
            ? value
            : null;
        var values = property["enum"] is JsonArray array
            ? array.Select(item => item?.ToString() ?? string.Empty).ToList()
            : null;

        return new FieldDefinition(fieldName, type, format, maxLength, values);
    }

    private static HashSet<string> ReadFieldList(
        JsonObject schema, string listName, Dictionary<string, FieldDefinition> fields)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (schema[listName] is null)
        {
            return result;
        }

        if (schema[listName] is not JsonArray array)
        {
            throw new DefinitionException($"'{listName}' must be a list of property names.");
        }

        foreach (var item in array)
        {
            var field = item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : null;
            if (field is null || !fields.ContainsKey(field))
            {
                throw new DefinitionException($"'{listName}' names '{item}', which is not a property.");
            }

            result.Add(field);
        }

        return result;
    }

    private static string? ReadString(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
