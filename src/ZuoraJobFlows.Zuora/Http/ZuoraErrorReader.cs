using System.Net;
using System.Text;
using System.Text.Json;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>Turns an error response into a <see cref="ZuoraApiException"/>.</summary>
/// <remarks>
/// Zuora answers errors in two shapes, <c>{ "code", "message" }</c> and
/// <c>{ "success": false, "reasons": [ { "code", "message" } ] }</c>; OAuth and older endpoints also use
/// <c>Errors</c> lists and <c>error</c>/<c>error_description</c>. All of them are read, case-insensitively.
/// The body itself is never copied into the message: only the codes and messages Zuora put in it.
/// </remarks>
internal static class ZuoraErrorReader
{
    // Error bodies are small; a larger one is not an error body worth reading whole.
    private const int MaxBodyBytes = 64 * 1024;

    public const string JobLimitCode = "71130043";

    public static async Task<ZuoraApiException> ReadAsync(
        HttpResponseMessage response,
        string method,
        string path,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        bool isTokenCall = false)
    {
        var errors = await ReadErrorsAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var requestId = ReadRequestId(response);
        var kind = Classify(response.StatusCode, errors);
        if (isTokenCall && kind is ZuoraFailureKind.Permanent or ZuoraFailureKind.NotFound)
        {
            // OAuth refuses bad credentials with 400 invalid_client as often as with 401.
            kind = ZuoraFailureKind.Unauthorized;
        }

        var retryAfter = RetryAfterReader.Read(response, now);
        var message = FormatMessage(response.StatusCode, method, path, errors, requestId);
        return new ZuoraApiException(message, response.StatusCode, errors, requestId, kind, retryAfter);
    }

    public static string? ReadRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ZuoraHeaders.RequestId, out var values) ? values.FirstOrDefault() : null;

    public static ZuoraFailureKind Classify(HttpStatusCode status, IReadOnlyList<ZuoraErrorDetail> errors)
    {
        var code = (int)status;
        return code switch
        {
            401 or 403 => ZuoraFailureKind.Unauthorized,
            404 => ZuoraFailureKind.NotFound,
            408 or 429 or >= 500 => ZuoraFailureKind.Transient,
            _ when errors.Any(IsJobLimit) => ZuoraFailureKind.JobLimitReached,
            _ => ZuoraFailureKind.Permanent,
        };
    }

    public static bool IsJobLimit(ZuoraErrorDetail error) =>
        error.Code == JobLimitCode
        || (error.Message is { } text
            && text.Contains("concurrent", StringComparison.OrdinalIgnoreCase)
            && text.Contains("limit", StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<ZuoraErrorDetail> ParseErrors(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? FromRoot(document.RootElement) : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static async Task<IReadOnlyList<ZuoraErrorDetail>> ReadErrorsAsync(
        HttpContent content,
        CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBodyBytes];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return ParseErrors(buffer.AsSpan(0, length));
        }
    }

    private static List<ZuoraErrorDetail> FromRoot(JsonElement root)
    {
        var errors = new List<ZuoraErrorDetail>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("reasons") || property.Name.Equals("errors", StringComparison.OrdinalIgnoreCase))
            {
                AddList(property.Value, errors);
            }
            else if (property.NameEquals("error") && property.Value.ValueKind == JsonValueKind.Object)
            {
                AddOne(property.Value, errors);
            }
        }

        // OAuth errors say { "error": "invalid_client", "error_description": "..." }.
        var code = Text(root, "code") ?? Text(root, "errorCode") ?? Text(root, "error");
        var message = Text(root, "message") ?? Text(root, "error_description");
        if (code is not null || message is not null)
        {
            errors.Insert(0, new ZuoraErrorDetail(code, message));
        }

        return errors;
    }

    private static void AddList(JsonElement list, List<ZuoraErrorDetail> errors)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            AddOne(item, errors);
        }
    }

    private static void AddOne(JsonElement item, List<ZuoraErrorDetail> errors)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            errors.Add(new ZuoraErrorDetail(Text(item, "code"), Text(item, "message")));
        }
    }

    private static string? Text(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
        }

        return null;
    }

    private static string FormatMessage(
        HttpStatusCode status,
        string method,
        string path,
        IReadOnlyList<ZuoraErrorDetail> errors,
        string? requestId)
    {
        var text = new StringBuilder()
            .Append("Zuora answered ").Append((int)status).Append(" (").Append(status).Append(") to ")
            .Append(method).Append(' ').Append(path);

        if (errors.Count > 0)
        {
            var details = errors.Select(e => e.Code is null ? e.Message : $"{e.Code} {e.Message}");
            text.Append(": ").AppendJoin("; ", details);
        }

        if (requestId is not null)
        {
            text.Append(" (Zuora-Request-Id ").Append(requestId).Append(')');
        }

        return text.Append('.').ToString();
    }
}
