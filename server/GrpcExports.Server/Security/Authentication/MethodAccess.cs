using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Security.Authentication;

/// <summary>
/// The tier each method needs. Health and reflection need no key at all; GetAccount and ValidateEditorState any valid
/// key; AdminService the admin tier; every other method (any method added later included) runtime access.
/// </summary>
internal static class MethodAccess
{
    private static readonly string[] OpenServices = ["/grpc.health.v1.Health/", "/grpc.reflection.v1.ServerReflection/", "/grpc.reflection.v1alpha.ServerReflection/"];

    private static readonly HashSet<string> BasicMethods = new(StringComparer.Ordinal)
    {
        "/grpcexports.v1.AccountService/GetAccount",
        "/grpcexports.v1.ProjectService/ValidateEditorState",
    };

    private const string AdminService = "/grpcexports.v1.AdminService/";

    /// <summary>The tier <paramref name="method"/> needs, or null when it is served without a key.</summary>
    public static AccessTier? RequiredTier(string method)
    {
        if (OpenServices.Any(service => method.StartsWith(service, StringComparison.Ordinal)))
        {
            return null;
        }
        if (BasicMethods.Contains(method))
        {
            return AccessTier.Basic;
        }
        return method.StartsWith(AdminService, StringComparison.Ordinal) ? AccessTier.Admin : AccessTier.Runtime;
    }
}
