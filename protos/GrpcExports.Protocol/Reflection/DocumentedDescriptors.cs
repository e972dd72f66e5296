using System.Collections.Frozen;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GrpcExports.Protocol.Reflection;

/// <summary>
/// The serialized FileDescriptorProto of every .proto file of the contract, with its comments (source info), by
/// file name. The descriptors compiled into the generated C# carry no comments; reflection serves these instead.
/// </summary>
public static class DocumentedDescriptors
{
    private const string ResourceName = "GrpcExports.Protocol.documented-descriptors.binpb";

    public static FrozenDictionary<string, ByteString> Files { get; } = Load();

    private static FrozenDictionary<string, ByteString> Load()
    {
        using var stream = typeof(DocumentedDescriptors).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        return FileDescriptorSet.Parser.ParseFrom(stream).File
            .ToFrozenDictionary(file => file.Name, file => file.ToByteString(), StringComparer.Ordinal);
    }
}
