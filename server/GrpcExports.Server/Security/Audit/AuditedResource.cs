using GrpcExports.Grpc.Calls;

namespace GrpcExports.Server.Security.Audit;

/// <summary>The resource a destructive call acts on, named by its handler for the audit entry the authentication writes after the call.</summary>
internal static class AuditedResource
{
    private static readonly object Key = new();

    /// <summary>Names the resource, as "<paramref name="type"/>:<paramref name="id"/>" (for example "project:3f2a...").</summary>
    public static void NameAuditedResource(this ServerCallContext context, string type, object id) =>
        context.Items[Key] = $"{type}:{id}";

    public static string AuditedResourceName(this ServerCallContext context) =>
        context.Items.TryGetValue(Key, out var resource) && resource is string name ? name : "";
}
