using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Jobs;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Endpoints;

/// <summary><c>GET /objects/records/default/{object}</c>: what the jobs really stored, page by page.</summary>
internal static class RecordEndpoints
{
    public static void MapRecordEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/objects/records/default/{objectName}", (string objectName, string? pageSize, string? cursor,
            EmulatorState state) => List(state, objectName, pageSize, cursor).ToResult());

    private static ApiAnswer List(EmulatorState state, string objectName, string? pageSizeText, string? cursor)
    {
        var size = 25;
        if (pageSizeText is not null && (!int.TryParse(pageSizeText, out size) || size is < 1 or > 100))
        {
            return ApiAnswer.BadRequest(ErrorCodes.JobMalformedRequest, "pageSize must be between 1 and 100.");
        }

        long after = 0;
        if (!string.IsNullOrEmpty(cursor) && !TryReadCursor(cursor, out after))
        {
            return ApiAnswer.BadRequest(ErrorCodes.JobMalformedRequest, $"Invalid cursor '{cursor}'.");
        }

        lock (state.Gate)
        {
            if (!state.Definitions.ContainsKey(objectName))
            {
                return DefinitionEndpoints.NotFound(objectName);
            }

            var table = state.TableFor(objectName);
            var start = table.IndexAfter(after);
            var page = table.Records.Skip(start).Take(size).ToList();
            var body = new JsonObject
            {
                ["count"] = page.Count,
                ["records"] = new JsonArray([.. page.Select(record => (JsonNode)ToJson(record))]),
            };
            if (start + page.Count < table.Count)
            {
                body["cursor"] = WriteCursor(page[^1].Sequence);
            }

            return ApiAnswer.Ok(body);
        }
    }

    private static JsonObject ToJson(StoredRecord record)
    {
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["createdById"] = EmulatorState.UserId,
            ["createdDate"] = EmulatedJob.FormatDate(record.CreatedDate),
            ["updatedById"] = EmulatorState.UserId,
            ["updatedDate"] = EmulatedJob.FormatDate(record.UpdatedDate),
        };
        foreach (var (field, value) in record.Values)
        {
            json[field] = value switch
            {
                long number => JsonValue.Create(number),
                decimal number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                _ => JsonValue.Create(value.ToString()),
            };
        }

        return json;
    }

    // The cursor is opaque to callers; inside it is the sequence number of the last record of the page.
    private static string WriteCursor(long sequence) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadCursor(string cursor, out long sequence)
    {
        sequence = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
