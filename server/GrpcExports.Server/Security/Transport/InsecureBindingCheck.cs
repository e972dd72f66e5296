using System.Net;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Security.Transport;

/// <summary>
/// Refuses to start a server that would take API keys in clear text from the network: an http:// endpoint on an address
/// other than loopback, unless <see cref="SecurityOptions.AllowInsecureNonLoopback"/> says so.
/// </summary>
internal static class InsecureBindingCheck
{
    public static void Run(IConfiguration configuration)
    {
        if (configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.AllowInsecureNonLoopback == true)
        {
            return;
        }
        var urls = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"])
            .Concat((configuration["urls"] ?? "").Split(';'))
            .OfType<string>()
            .Where(url => url.Length > 0);
        var insecure = urls.Where(IsCleartextOffLoopback).ToList();
        if (insecure.Count > 0)
        {
            throw new OptionsValidationException(SecurityOptions.SectionName, typeof(SecurityOptions),
            [
                $"{string.Join(", ", insecure)} would take API keys in clear text from the network. Use https:// with a certificate, "
                + $"bind to 127.0.0.1, or set {SecurityOptions.SectionName}:{nameof(SecurityOptions.AllowInsecureNonLoopback)}=true "
                + "behind a TLS-terminating proxy or on a trusted network.",
            ]);
        }
    }

    private static bool IsCleartextOffLoopback(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 || !url[..schemeEnd].Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) bind every interface; Uri cannot parse the first two.
        var authority = url[(schemeEnd + 3)..].Split('/')[0];
        var host = authority.StartsWith('[') ? authority[..(authority.IndexOf(']') + 1)] : authority.Split(':')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return !IPAddress.TryParse(host.Trim('[', ']'), out var address) || !IPAddress.IsLoopback(address);
    }
}
