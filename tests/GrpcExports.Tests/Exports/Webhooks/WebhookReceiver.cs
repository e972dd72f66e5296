using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using GrpcExports.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Tests.Exports.Webhooks;

/// <summary>One POST the receiver got: its headers of interest and the exact body bytes.</summary>
internal sealed record ReceivedWebhook(string Path, string ContentType, string EventId, string Signature, byte[] Body, int Answered)
{
    /// <summary>Checks the signature header the way the README tells receivers to: HMAC-SHA256 over "&lt;t&gt;." and the body.</summary>
    public bool SignatureVerifies(string secret)
    {
        var parts = Signature.Split(',').Select(part => part.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var signed = Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(Body).ToArray();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return long.TryParse(parts["t"], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }
}

/// <summary>
/// A real HTTP/1.1 listener on a loopback port (Kestrel) that records every webhook POST. It answers 500 to the
/// first delivery of each event id when <c>failFirst</c> is set, 200 otherwise.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly HashSet<string> _seenEvents = [];

    private WebhookReceiver(bool failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Not the server's appsettings.json beside the tests (its Kestrel endpoint is the product's port).
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var eventId = context.Request.Headers["x-grpcexports-event-id"].ToString();
            int status;
            lock (_seenEvents)
            {
                status = _seenEvents.Add(eventId) && failFirst ? 500 : 200;
            }
            await _received.Writer.WriteAsync(new ReceivedWebhook(context.Request.Path, context.Request.ContentType ?? "", eventId,
                context.Request.Headers["x-grpcexports-signature"].ToString(), body.ToArray(), status));
            context.Response.StatusCode = status;
        });
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync(bool failFirst)
    {
        var receiver = new WebhookReceiver(failFirst);
        await receiver._app.StartAsync();
        receiver.Address = new Uri(receiver._app.ListeningAddresses().Single());
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> deliveries, in arrival order.</summary>
    public async Task<List<ReceivedWebhook>> TakeAsync(int count)
    {
        using var guard = new CancellationTokenSource(ExportStreams.HangGuard);
        var taken = new List<ReceivedWebhook>();
        while (taken.Count < count)
        {
            taken.Add(await _received.Reader.ReadAsync(guard.Token));
        }
        return taken;
    }

    /// <summary>Deliveries received and not taken yet.</summary>
    public List<ReceivedWebhook> Pending()
    {
        var pending = new List<ReceivedWebhook>();
        while (_received.Reader.TryRead(out var delivery))
        {
            pending.Add(delivery);
        }
        return pending;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
