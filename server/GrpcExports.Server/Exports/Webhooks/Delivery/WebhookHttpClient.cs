using System.Net;
using System.Net.Sockets;
using GrpcExports.Server.Exports.Webhooks.Addresses;

namespace GrpcExports.Server.Exports.Webhooks.Delivery;

/// <summary>
/// The HTTP client deliveries go through. It resolves the host itself when it connects and connects only to the
/// addresses <see cref="WebhookAddressPolicy"/> allows, so a DNS answer that changed since CreateExport (or one that
/// changes between a check and the connection) cannot point a delivery into the server's network. No proxy (it would
/// make the connection for us) and no redirects (they would lead elsewhere unchecked).
/// </summary>
internal sealed class WebhookHttpClient(WebhookAddressPolicy policy) : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => Client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(WebhookAddressPolicy policy, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = await WebhookAddressPolicy.ResolveAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        if (!policy.IsAllowListed(endPoint.Host))
        {
            var forbidden = addresses.Where(WebhookAddressPolicy.IsForbidden).ToList();
            addresses = [.. addresses.Except(forbidden)];
            if (forbidden.Count > 0 && addresses.Length == 0)
            {
                throw new WebhookAddressForbiddenException(endPoint.Host, forbidden[0]);
            }
        }
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException error)
            {
                socket.Dispose();
                last = error;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}

/// <summary>A delivery's host resolved only to addresses webhooks may not reach.</summary>
internal sealed class WebhookAddressForbiddenException(string host, IPAddress address)
    : Exception($"the host {host} resolves to {address}, a loopback, link-local, private or unspecified address that is not allow-listed");
