namespace GrpcExports.Server.Exports.Webhooks.Addresses;

/// <summary>
/// CreateExport's check of a webhook URL (already known to be absolute http(s)): refused with INVALID_ARGUMENT
/// WEBHOOK_URL_FORBIDDEN when its host resolves to an address <see cref="WebhookAddressPolicy"/> forbids. A host that
/// does not resolve now is accepted: every delivery resolves and checks again, because DNS answers change.
/// </summary>
internal sealed class WebhookUrlCheck(WebhookAddressPolicy policy)
{
    public async Task CheckAsync(string webhookUrl, CancellationToken cancellationToken)
    {
        if (webhookUrl.Length == 0)
        {
            return;
        }
        var host = new Uri(webhookUrl).Host;
        if (policy.IsAllowListed(host))
        {
            return;
        }
        var forbidden = (await WebhookAddressPolicy.ResolveAsync(host, cancellationToken).ConfigureAwait(false))
            .Where(WebhookAddressPolicy.IsForbidden).ToList();
        if (forbidden.Count > 0)
        {
            throw ExportErrors.WebhookUrlForbidden(webhookUrl,
                $"The webhook URL's host {host} resolves to {forbidden[0]}, a loopback, link-local, private or unspecified address, "
                + "which webhooks may not reach unless the server's Exports:Webhooks:AllowedHosts names the host.");
        }
    }
}
