using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Download;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Webhooks.Outbox;
using GrpcExports.Server.Exports.Webhooks.Signing;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Webhooks.Delivery;

/// <summary>
/// Delivers the outbox: <see cref="WebhookOptions.Senders"/> loops, each claiming the next due event, POSTing it signed
/// and recording the attempt (delivered on a 2xx answer; otherwise retried after <see cref="WebhookBackoff"/> until
/// <see cref="WebhookOptions.MaxAttempts"/>, then abandoned). With nothing due a loop waits
/// <see cref="WebhookOptions.PollInterval"/>. At shutdown an attempt in flight is dropped and its event given back.
/// </summary>
internal sealed class WebhookSender(WebhookOutbox outbox, WebhookSecretStore secrets, ExportJobStore jobs, DownloadLinks links, WebhookHttpClient http,
    IOptions<WebhookOptions> options, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string EventIdHeader = "x-grpcexports-event-id";

    /// <summary>Time a claim holds beyond the attempt's timeout, for signing and recording around it.</summary>
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(30);

    private readonly WebhookOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, _options.Senders)).Select(_ => Task.Run(() => SendAsync(stoppingToken), CancellationToken.None)));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await outbox.ClaimAsync(_options.Timeout + ClaimMargin, stoppingToken) is { } claimed)
                {
                    await DeliverAsync(claimed, stoppingToken);
                    continue;
                }
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Delivering webhooks failed; trying again in {Delay}.", _options.PollInterval);
                try
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(ClaimedWebhookEvent claimed, CancellationToken stoppingToken)
    {
        WebhookAttempt attempt;
        byte[] body;
        try
        {
            body = claimed.Body ?? await BodyAsync(claimed, stoppingToken);
            var secret = await secrets.GetOrCreateAsync(claimed.OwnerId, stoppingToken);
            attempt = await PostAsync(claimed, body, secret, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await outbox.ReleaseAsync(claimed);
            throw;
        }
        var number = claimed.Attempts + 1;
        var state = attempt.HttpStatus is >= 200 and < 300 ? WebhookEventTypes.Delivered
            : number >= _options.MaxAttempts ? WebhookEventTypes.Abandoned
            : WebhookEventTypes.Pending;
        await outbox.RecordAsync(claimed, body, attempt, state, WebhookBackoff.After(number, _options, Random.Shared));
    }

    /// <summary>
    /// The WebhookEvent as proto3 JSON, with the export as GetExport shows it now that it is terminal, download URL included
    /// (signed when the body is first built; retries send the same bytes, so a late retry may carry an expired URL).
    /// </summary>
    private async Task<byte[]> BodyAsync(ClaimedWebhookEvent claimed, CancellationToken cancellationToken)
    {
        var job = await jobs.GetForWatchersAsync(claimed.ExportId, cancellationToken)
            ?? throw new InvalidOperationException($"Webhook event {claimed.EventId} names export {claimed.ExportId}, which has no row.");
        var message = new WebhookEvent
        {
            Id = claimed.EventId.ToString(),
            Type = WebhookEventTypes.FromColumn(claimed.EventType),
            CreateTime = Timestamp.FromDateTimeOffset(claimed.CreatedAt),
            Export = await links.WithDownloadUrlAsync(ExportMessages.ToExport(job), cancellationToken),
        };
        return Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(message));
    }

    private async Task<WebhookAttempt> PostAsync(ClaimedWebhookEvent claimed, byte[] body, string secret, CancellationToken stoppingToken)
    {
        var attemptedAt = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, claimed.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(EventIdHeader, claimed.EventId.ToString());
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(secret, attemptedAt.ToUnixTimeSeconds(), body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(attemptedAt, status, status is >= 200 and < 300 ? "" : $"HTTP {status}", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new WebhookAttempt(attemptedAt, 0, $"timeout after {_options.Timeout.TotalSeconds:0.###} s", clock.Elapsed);
        }
        catch (HttpRequestException error)
        {
            var reason = error.InnerException is WebhookAddressForbiddenException forbidden ? forbidden.Message : error.Message;
            return new WebhookAttempt(attemptedAt, 0, reason, clock.Elapsed);
        }
    }
}
