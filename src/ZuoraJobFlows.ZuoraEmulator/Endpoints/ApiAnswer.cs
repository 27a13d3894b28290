using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Endpoints;

/// <summary>What an endpoint answers: a status and a JSON body, errors in Zuora's <c>reasons</c> shape.</summary>
internal sealed record ApiAnswer(int StatusCode, JsonNode? Body)
{
    public static ApiAnswer Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    public static ApiAnswer Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorBody(code, message));

    public static ApiAnswer BadRequest(string code, string message) =>
        Error(StatusCodes.Status400BadRequest, code, message);

    public static ApiAnswer NotFound(string code, string message) =>
        Error(StatusCodes.Status404NotFound, code, message);

    public static JsonObject ErrorBody(string code, string message) => new()
    {
        ["success"] = false,
        ["reasons"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
    };

    public IResult ToResult() => Body is null
        ? Results.StatusCode(StatusCode)
        : Results.Content(Body.ToJsonString(), "application/json; charset=utf-8", null, StatusCode);
}
