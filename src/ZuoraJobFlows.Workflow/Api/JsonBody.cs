using System.Text.Json;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>Reads a request body as one JSON object, with a field-named problem when it is not one.</summary>
internal static class JsonBody
{
    private const long MaxBodyBytes = 64 * 1024;

    /// <summary>Reads the body as a JSON object and hands its root to <paramref name="parse"/>.</summary>
    public static async Task<(T? Request, ApiResult? Problem)> ParseAsync<T>(
        Stream body,
        Func<JsonElement, (T? Request, ApiResult? Problem)> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var (document, problem) = await ReadObjectAsync(body, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            return parse(document.RootElement);
        }
    }

    private static async Task<(JsonDocument? Document, ApiResult? Problem)> ReadObjectAsync(
        Stream body,
        CancellationToken cancellationToken)
    {
        // Request streams are often not seekable, so the limit is enforced while reading, not from Length.
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                return (null, Problems.BadRequest("body", $"must be at most {MaxBodyBytes} bytes."));
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(copy, default, cancellationToken);
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
