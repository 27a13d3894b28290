using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Json;

/// <summary>The JSON settings of every Zuora request and response body.</summary>
internal static class ZuoraJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
