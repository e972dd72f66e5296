using System.Net;
using Microsoft.AspNetCore.Server.Kestrel;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GrpcExports.Server.Exports.Download;

/// <summary>
/// The Kestrel endpoint named "Download" (Kestrel:Endpoints:Download), if configured: HTTP/1.1 beside the gRPC
/// endpoint, because cleartext HTTP/2 needs prior knowledge that ordinary HTTP clients do not have. Captured while
/// Kestrel reads its configuration; its address is known once Kestrel listens (port 0 resolved).
/// </summary>
internal sealed class DownloadEndpoint
{
    public const string Name = "Download";

    private ListenOptions? _listen;
    private bool _isHttps;

    /// <summary>Remembers the endpoint when Kestrel's configuration has one named <see cref="Name"/>.</summary>
    public void Capture(EndpointConfiguration endpoint)
    {
        _listen = endpoint.ListenOptions;
        _isHttps = endpoint.IsHttps;
    }

    /// <summary>Where the endpoint listens, e.g. http://127.0.0.1:5080; null when there is none or it has not started.</summary>
    public Uri? Address => _listen?.IPEndPoint is { Port: > 0 } endPoint
        ? new Uri($"{(_isHttps ? "https" : "http")}://{Host(endPoint.Address)}:{endPoint.Port}")
        : null;

    /// <summary>Whether Kestrel's listening address <paramref name="address"/> is this endpoint's.</summary>
    public bool Serves(string address) =>
        Address is { } own && Uri.TryCreate(address, UriKind.Absolute, out var other) && other.Port == own.Port
        && string.Equals(other.Host, own.Host, StringComparison.OrdinalIgnoreCase);

    private static string Host(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
