using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.Security;

/// <summary>Every RPC of the product's services, from the compiled contract, so a new RPC joins the tests by itself.</summary>
internal static class ProductMethods
{
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        ProjectServiceReflection.Descriptor.Services[0],
        ExportServiceReflection.Descriptor.Services[0],
        AssetServiceReflection.Descriptor.Services[0],
        AccountServiceReflection.Descriptor.Services[0],
        AdminServiceReflection.Descriptor.Services[0],
    ];

    public static IEnumerable<MethodDescriptor> All => Services.SelectMany(service => service.Methods);

    /// <summary>"grpcexports.v1.ProjectService/GetProject"-style names, for theory data.</summary>
    public static string Name(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    public static MethodDescriptor Find(string name) => All.Single(method => Name(method) == name);

    public static bool IsAdmin(MethodDescriptor method) => method.Service.Name == "AdminService";

    /// <summary>The methods any valid key may call, whatever its tier (account.proto, error_reason.proto).</summary>
    public static bool NeedsNoRuntimeAccess(MethodDescriptor method) =>
        Name(method) is "grpcexports.v1.AccountService/GetAccount" or "grpcexports.v1.ProjectService/ValidateEditorState";
}
