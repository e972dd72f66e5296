using System.Collections.Frozen;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Protocol.Errors;

/// <summary>
/// The product's machine-readable error reasons as they travel in google.rpc.ErrorInfo: the ErrorReason value's
/// name without its ERROR_REASON_ prefix ("STALE_STATE_VERSION"), in the domain <see cref="Domain"/>.
/// </summary>
public static class ErrorReasons
{
    public const string Domain = "grpcexports.dev";

    private const string Prefix = "ERROR_REASON_";

    private static readonly FrozenDictionary<ErrorReason, string> Names = ErrorReasonReflection.Descriptor.EnumTypes
        .Single(e => e.ClrType == typeof(ErrorReason)).Values
        .ToFrozenDictionary(v => (ErrorReason)v.Number, v => v.Name[Prefix.Length..]);

    private static readonly FrozenDictionary<string, ErrorReason> Values =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToWire(ErrorReason reason) => Names[reason];

    /// <summary>The reason a wire string names, or null for one this version does not know.</summary>
    public static ErrorReason? FromWire(string reason) => Values.TryGetValue(reason, out var value) ? value : null;
}
