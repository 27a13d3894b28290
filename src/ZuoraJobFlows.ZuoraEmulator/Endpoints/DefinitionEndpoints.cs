using System.Text.Json;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Definitions;
using ZuoraJobFlows.ZuoraEmulator.Jobs;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Endpoints;

/// <summary>Custom object definitions in Zuora's form: <c>{ id, type, schema, created/updated by and date }</c>.
/// </summary>
internal static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/objects/definitions/default", (EmulatorState state) =>
        {
            lock (state.Gate)
            {
                return ApiAnswer.Ok(Collection(state.Definitions.Values)).ToResult();
            }
        });

        app.MapPost("/objects/definitions/default", async (HttpRequest request, EmulatorState state,
            TimeProvider timeProvider, CancellationToken cancellationToken) =>
        {
            IReadOnlyList<ObjectDefinition> definitions;
            try
            {
                var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
                definitions = DefinitionParser.ParseDocument(body, timeProvider.GetUtcNow());
            }
            catch (Exception exception) when (exception is DefinitionException or JsonException)
            {
                return ApiAnswer.BadRequest(ErrorCodes.DefinitionInvalid, exception.Message).ToResult();
            }

            lock (state.Gate)
            {
                var stored = definitions.Select(definition => Store(state, definition)).ToList();
                return ApiAnswer.Ok(Collection(stored)).ToResult();
            }
        });

        app.MapGet("/objects/definitions/default/{objectName}", (string objectName, EmulatorState state) =>
        {
            lock (state.Gate)
            {
                return (state.Definitions.TryGetValue(objectName, out var definition)
                    ? ApiAnswer.Ok(ToJson(definition))
                    : NotFound(objectName)).ToResult();
            }
        });

        app.MapDelete("/objects/definitions/default/{objectName}", (string objectName, EmulatorState state) =>
        {
            lock (state.Gate)
            {
                if (!state.Definitions.Remove(objectName))
                {
                    return NotFound(objectName).ToResult();
                }

                state.Tables.Remove(objectName);
                return Results.NoContent();
            }
        });
    }

    /// <summary>Adds or replaces a definition; a replaced one keeps its id, creation date and records.</summary>
    public static ObjectDefinition Store(EmulatorState state, ObjectDefinition definition)
    {
        if (state.Definitions.TryGetValue(definition.Name, out var existing))
        {
            definition = definition with { Id = existing.Id, CreatedDate = existing.CreatedDate };
        }

        state.Definitions[definition.Name] = definition;
        return definition;
    }

    public static ApiAnswer NotFound(string objectName) =>
        ApiAnswer.NotFound(ErrorCodes.DefinitionNotFound, $"The custom object '{objectName}' is not defined.");

    private static JsonObject Collection(IEnumerable<ObjectDefinition> definitions)
    {
        var map = new JsonObject();
        foreach (var definition in definitions)
        {
            map[definition.Name] = ToJson(definition);
        }

        return new JsonObject { ["count"] = map.Count, ["definitions"] = map };
    }

    private static JsonObject ToJson(ObjectDefinition definition) => new()
    {
        ["id"] = definition.Id,
        ["type"] = definition.Name,
        ["createdById"] = EmulatorState.UserId,
        ["createdDate"] = EmulatedJob.FormatDate(definition.CreatedDate),
        ["updatedById"] = EmulatorState.UserId,
        ["updatedDate"] = EmulatedJob.FormatDate(definition.UpdatedDate),
        ["schema"] = definition.Schema.DeepClone(),
    };
}
