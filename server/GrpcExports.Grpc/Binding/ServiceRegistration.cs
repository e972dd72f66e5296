using Google.Protobuf.Reflection;

namespace GrpcExports.Grpc.Binding;

/// <summary>A service implementation type and the protobuf service it implements.</summary>
public sealed record ServiceRegistration(Type ImplementationType, ServiceDescriptor Descriptor);
