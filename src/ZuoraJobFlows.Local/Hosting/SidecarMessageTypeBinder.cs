using DurableTask.AzureStorage;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>
/// Lets the Azure Storage backend read back the queue messages the gRPC sidecar writes for sub-orchestrations.
/// </summary>
/// <remarks>
/// The sidecar passes the protobuf tag map (<c>Google.Protobuf.Collections.MapField</c>) as the tags of a new
/// sub-orchestration; the backend stores messages with their .NET type names and then cannot load that type
/// when the message is read, so the sub-orchestration never starts. Reading it as the plain dictionary it is
/// fixes that, and also heals messages already waiting in a queue.
/// </remarks>
internal sealed class SidecarMessageTypeBinder : ICustomTypeBinder
{
    private const string ProtobufMapField = "Google.Protobuf.Collections.MapField`2";

    public void BindToName(Type serializedType, out string assemblyName, out string typeName)
    {
        assemblyName = null!;
        typeName = serializedType.FullName!;
    }

    public Type BindToType(string assemblyName, string typeName) =>
        typeName.StartsWith(ProtobufMapField, StringComparison.Ordinal)
            ? typeof(Dictionary<string, string>)
            : null!;
}
