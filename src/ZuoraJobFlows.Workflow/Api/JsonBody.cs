using System.Text.Json;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>Reads a request body as one JSON object, with a field-named problem when it is not one.</summary>
internal static class JsonBody
{
    private const long MaxBodyBytes = 64 * 1024;

    public static async Task<(JsonDocument? Document, ApiResult? Problem)> ReadObjectAsync(
        Stream body,
        CancellationToken cancellationToken)
    {
        if (body.CanSeek && body.Length - body.Position > MaxBodyBytes)
        {
            return (null, Problems.BadRequest("body", $"must be at most {MaxBodyBytes} bytes."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest("body", $"must be a JSON object ({ex.Message})."));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, Problems.BadRequest("body", "must be a JSON object."));
        }

        return (document, null);
    }

    /// <summary>A string property; an error text when it is present but not a string.</summary>
    public static string? OptionalString(JsonElement parent, string name, IDictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["must be a string."];
            return null;
        }

        return value.GetString();
    }
}
