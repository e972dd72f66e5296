using Google.Protobuf;

namespace GrpcExports.Grpc.Reflection;

/// <summary>
/// Serialized FileDescriptorProtos with comments (source info), by file name. Reflection serves these in place of
/// the comment-less descriptors compiled into generated code, so clients can show the documentation.
/// </summary>
public sealed record DocumentedFiles(IReadOnlyDictionary<string, ByteString> FilesByName);
