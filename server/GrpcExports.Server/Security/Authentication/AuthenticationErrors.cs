using Google.Protobuf.Reflection;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Security.Authentication;

/// <summary>The refusals of calls without a usable key or without the tier their method needs.</summary>
internal static class AuthenticationErrors
{
    public static RpcException Missing() =>
        ProductErrors.Create(StatusCode.Unauthenticated, ErrorReason.ApiKeyMissing,
            "This call needs an API key: send the metadata 'authorization: Bearer <key>'.");

    public static RpcException Invalid() =>
        ProductErrors.Create(StatusCode.Unauthenticated, ErrorReason.ApiKeyInvalid, "The API key is malformed, unknown or expired.");

    public static RpcException Revoked(Guid apiKeyId) =>
        ProductErrors.Create(StatusCode.Unauthenticated, ErrorReason.ApiKeyRevoked, $"The API key {apiKeyId} was revoked.",
            new Dictionary<string, string> { ["apiKeyId"] = apiKeyId.ToString() });

    public static RpcException RuntimeAccessForbidden(AccessTier tier) =>
        ProductErrors.Create(StatusCode.PermissionDenied, ErrorReason.RuntimeAccessForbidden,
            $"This key's account has no runtime access (tier {tier.ToWireName()}); projects, exports and assets need ACCESS_TIER_RUNTIME.",
            new Dictionary<string, string> { ["tier"] = tier.ToWireName() });

    public static RpcException AdminAccessRequired() =>
        ProductErrors.Create(StatusCode.PermissionDenied, ErrorReason.AdminAccessRequired, "AdminService needs a key of tier ACCESS_TIER_ADMIN.");

    private static string ToWireName(this AccessTier tier) =>
        AccountReflection.Descriptor.FindTypeByName<EnumDescriptor>("AccessTier").FindValueByNumber((int)tier)?.Name ?? ((int)tier).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
