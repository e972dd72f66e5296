using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Webhooks.Addresses;

/// <summary>
/// Which addresses a webhook may reach: public ones, and any address of a host the allow-list names. Loopback,
/// link-local, private (RFC 1918, RFC 6598 shared, IPv6 unique local), unspecified and multicast addresses would let a
/// caller make the server probe its own network, so they are refused unless the operator named the host.
/// </summary>
internal sealed class WebhookAddressPolicy(IOptions<WebhookOptions> options)
{
    private readonly HashSet<string> _allowedHosts = new(options.Value.AllowedHosts.Select(Bare), StringComparer.OrdinalIgnoreCase);

    public bool IsAllowListed(string host) => _allowedHosts.Contains(Bare(host));

    /// <summary>The host's addresses (an IP literal is its own address); empty when it does not resolve.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(Bare(host), out var literal))
        {
            return [literal];
        }
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 or >= 224
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && (b[1] & 0xF0) == 16)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && (b[1] & 0xC0) == 64);
    }

    /// <summary>A host without the brackets an IPv6 literal has in a URL.</summary>
    private static string Bare(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}
