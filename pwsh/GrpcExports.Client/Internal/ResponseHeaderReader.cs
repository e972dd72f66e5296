using System.Net.Http.Headers;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>Reads gRPC values and application metadata out of response headers and trailers.</summary>
internal static class ResponseHeaderReader
{
    /// <summary>The first value of <paramref name="name"/>, as received.</summary>
    public static string? FirstValue(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }
        foreach (var value in values)
        {
            return value;
        }
        return null;
    }

    /// <summary>
    /// The status in grpc-status, grpc-message and grpc-status-details-bin, or null when there is no grpc-status.
    /// A grpc-status that is not a number is INTERNAL; a number this client does not know is UNKNOWN.
    /// </summary>
    public static CallStatus? ReadStatus(HttpHeaders headers, out Google.Rpc.Status? details)
    {
        details = null;
        var rawStatus = FirstValue(headers, GrpcHeaders.Status);
        if (rawStatus is null)
        {
            return null;
        }
        var detail = PercentEncoding.Decode(FirstValue(headers, GrpcHeaders.Message) ?? string.Empty);
        if (!int.TryParse(rawStatus, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return new CallStatus(StatusCode.Internal, $"The server sent an invalid grpc-status '{rawStatus}'.");
        }
        StatusDetailsHeader.TryDecode(FirstValue(headers, GrpcHeaders.StatusDetails), out details);
        var code = Enum.IsDefined(typeof(StatusCode), number) ? (StatusCode)number : StatusCode.Unknown;
        return new CallStatus(code, detail);
    }

    /// <summary>The application metadata among <paramref name="headers"/>: everything but the protocol's own headers.</summary>
    public static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            var key = name.ToLowerInvariant();
            if (ReservedHeaders.IsReserved(key))
            {
                continue;
            }
            foreach (var value in values)
            {
                metadata.AddReceived(key, value);
            }
        }
        return metadata;
    }
}
