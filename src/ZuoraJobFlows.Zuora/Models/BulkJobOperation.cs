using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>What a bulk job does to the records of a custom object.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BulkJobOperation>))]
public enum BulkJobOperation
{
    /// <summary>Creates records from the uploaded file.</summary>
    [JsonStringEnumMemberName("create")]
    Create,

    /// <summary>Updates records named by the file's <c>id</c> column.</summary>
    [JsonStringEnumMemberName("update")]
    Update,

    /// <summary>Deletes the records matching a filter; takes no file.</summary>
    [JsonStringEnumMemberName("delete")]
    Delete,
}
