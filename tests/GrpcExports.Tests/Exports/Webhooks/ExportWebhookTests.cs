using Google.Protobuf;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Rendering.Export;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports.Webhooks;

/// <summary>
/// Webhooks end to end: a real listener in the test receives signed deliveries from the outbox, retried after it
/// answers 500; URLs into private networks are refused when the export is created and again when delivering.
/// </summary>
[Collection(ExportResourceCollection.Name)]
public sealed class ExportWebhookTests
{
    private const string AllowLoopback = "--Exports:Webhooks:AllowedHosts:0=127.0.0.1";

    // Several instances share one public download address (as the README's several-instances set-up says), so a body
    // built by one instance carries the same download URL as GetExport answered by another.
    private const string SharedDownloadAddress = "--Exports:Download:BaseUrl=https://downloads.example.test";
    private const string QuickRetries = "--Exports:Webhooks:FirstRetryDelay=00:00:00.200";
    private const string QuickPolls = "--Exports:Webhooks:PollInterval=00:00:00.100";

    [Fact]
    public async Task Every_terminal_state_is_delivered_signed_once_and_again_after_a_500()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: true);
        // Instance A takes requests and renders nothing; B, started once A's exports are set up, renders them. Both send.
        await using var api = await ExportServer.StartAsync("--Exports:Workers=0", "--Exports:MaxActivePerUser=5", AllowLoopback, QuickRetries, QuickPolls,
            SharedDownloadAddress);
        var secret = (await api.Accounts.RotateWebhookSecretAsync(new RotateWebhookSecretRequest())).Secret;
        var project = (await api.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = SolidColour("#0000ff", 1) },
        })).Project;
        var hook = new Uri(receiver.Address, "/hooks/exports").ToString();
        var succeeding = await CreateAsync(api, new CreateExportRequest { EditorState = SolidColour("#00ff00", 1), WebhookUrl = hook });
        var failing = await CreateAsync(api, new CreateExportRequest { ProjectId = project.Id, WebhookUrl = hook });
        var cancelled = await CreateAsync(api, new CreateExportRequest { EditorState = SolidColour("#ff0000", 1), WebhookUrl = hook });
        var silent = await CreateAsync(api, new CreateExportRequest { EditorState = SolidColour("#ffffff", 1) });
        await api.Exports.CancelExportAsync(new CancelExportRequest { ExportId = cancelled });
        await api.Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = project.Id });
        await using var worker = await ExportServer.StartOnAsync(api.ConnectionString, AllowLoopback, QuickRetries, QuickPolls, SharedDownloadAddress);

        var deliveries = await receiver.TakeAsync(6);
        var byEvent = deliveries.GroupBy(d => d.EventId).ToDictionary(g => g.Key, g => g.ToList());
        var final = new Dictionary<string, WebhookEvent>();
        foreach (var (eventId, attempts) in byEvent)
        {
            Assert.Equal([500, 200], attempts.Select(a => a.Answered));
            Assert.All(attempts, attempt =>
            {
                Assert.Equal("/hooks/exports", attempt.Path);
                Assert.Equal("application/json", attempt.ContentType);
                Assert.True(attempt.SignatureVerifies(secret), $"The signature of event {eventId} does not verify.");
            });
            Assert.Equal(attempts[0].Body, attempts[1].Body);
            var message = JsonParser.Default.Parse<WebhookEvent>(System.Text.Encoding.UTF8.GetString(attempts[0].Body));
            Assert.Equal(eventId, message.Id);
            final[message.Export.Id] = message;
        }
        Assert.Equal(3, byEvent.Count);
        Assert.Equal(new[] { succeeding, failing, cancelled }.Order(), final.Keys.Order());
        Assert.Equal(WebhookEventType.ExportSucceeded, final[succeeding].Type);
        Assert.Equal(WebhookEventType.ExportFailed, final[failing].Type);
        Assert.Equal(WebhookEventType.ExportCancelled, final[cancelled].Type);
        foreach (var (exportId, message) in final)
        {
            // The payload is the export exactly as GetExport shows it (proto3 JSON, as the gRPC JSON mapping writes it).
            var current = (await api.Exports.GetExportAsync(new GetExportRequest { ExportId = exportId })).Export;
            Assert.Equal(current, message.Export);
            Assert.Equal(current.FinishTime, message.CreateTime);
            var log = await DeliveredLogAsync(api, exportId);
            Assert.Equal([1, 2], log.Select(d => d.Attempt));
            Assert.Equal([500, 200], log.Select(d => d.HttpStatus));
            Assert.Equal(["HTTP 500", ""], log.Select(d => d.ErrorMessage));
            Assert.Equal([WebhookDeliveryState.Pending, WebhookDeliveryState.Delivered], log.Select(d => d.State));
            Assert.NotNull(log[0].NextAttemptTime);
            Assert.Null(log[1].NextAttemptTime);
            Assert.All(log, d => Assert.Equal((message.Id, exportId, message.Type, hook), (d.EventId, d.ExportId, d.EventType, d.Url)));
        }
        Assert.Equal(ErrorReason.ProjectNotFound, final[failing].Export.Error.Reason);
        Assert.Empty((await api.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { ExportId = silent })).Deliveries);
        // Recorded only after the receiver answered, so every request the servers made has arrived by now.
        Assert.Empty(receiver.Pending());
    }

    [Fact]
    public async Task The_delivery_log_pages_oldest_first()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: true);
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0", AllowLoopback, QuickRetries, QuickPolls);
        var exportId = await CreateAsync(server, new CreateExportRequest
        {
            EditorState = SolidColour("#00ff00", 1),
            WebhookUrl = new Uri(receiver.Address, "/hook").ToString(),
        });
        await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = exportId });
        await DeliveredLogAsync(server, exportId);

        var first = await server.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { ExportId = exportId, PageSize = 1 });
        var second = await server.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest
        {
            ExportId = exportId,
            PageSize = 1,
            PageToken = first.NextPageToken,
        });
        var otherExport = await Assert.ThrowsAsync<RpcException>(() => server.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest
        {
            ExportId = Guid.NewGuid().ToString(),
        }));

        Assert.Equal(1, Assert.Single(first.Deliveries).Attempt);
        Assert.Equal(2, Assert.Single(second.Deliveries).Attempt);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal((StatusCode.NotFound, "EXPORT_NOT_FOUND"), (otherExport.StatusCode, otherExport.Reason));
    }

    public static TheoryData<string> PrivateUrls() => new()
    {
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://10.0.0.5/hook",
        "http://172.16.3.4/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://0.0.0.0/hook",
        "https://[::ffff:10.1.2.3]/hook",
        "https://[fd00::1]/hook",
    };

    [Theory]
    [MemberData(nameof(PrivateUrls))]
    public async Task A_webhook_url_into_a_private_network_is_refused_and_queues_nothing(string url)
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#ff0000", 1),
            WebhookUrl = url,
        }));

        Assert.Equal((StatusCode.InvalidArgument, "WEBHOOK_URL_FORBIDDEN", url), (error.StatusCode, error.Reason, error.ErrorInfo!.Metadata["webhookUrl"]));
        Assert.Equal("webhook_url", Assert.Single(error.BadRequest!.FieldViolations).Field);
        Assert.Empty((await server.Exports.ListExportsAsync(new ListExportsRequest())).Exports);
    }

    [Fact]
    public async Task A_delivery_checks_the_address_again_and_does_not_reach_a_host_no_longer_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: false);
        // A accepts the loopback URL but sends nothing; B sends, and its allow-list does not name the host.
        await using var api = await ExportServer.StartAsync("--Exports:Workers=0", "--Exports:Webhooks:Senders=0", AllowLoopback);
        await using var sender = await ExportServer.StartOnAsync(api.ConnectionString, "--Exports:Workers=0", QuickPolls);
        var exportId = await CreateAsync(api, new CreateExportRequest
        {
            EditorState = SolidColour("#00ff00", 1),
            WebhookUrl = new Uri(receiver.Address, "/hook").ToString(),
        });
        await api.Exports.CancelExportAsync(new CancelExportRequest { ExportId = exportId });

        var attempt = await FirstAttemptAsync(api, exportId);

        Assert.Equal((0, WebhookDeliveryState.Pending), (attempt.HttpStatus, attempt.State));
        Assert.Contains("127.0.0.1", attempt.ErrorMessage);
        Assert.Contains("not allow-listed", attempt.ErrorMessage);
        Assert.Empty(receiver.Pending());
    }

    [Fact]
    public async Task Rotating_the_secret_returns_a_new_256_bit_secret_each_time()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");

        var first = await server.Accounts.RotateWebhookSecretAsync(new RotateWebhookSecretRequest());
        var second = await server.Accounts.RotateWebhookSecretAsync(new RotateWebhookSecretRequest());

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.All(new[] { first.Secret, second.Secret }, secret => Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(secret).Length));
        Assert.True(second.CreateTime.ToDateTimeOffset() >= first.CreateTime.ToDateTimeOffset());
    }

    private static async Task<string> CreateAsync(ExportServer server, CreateExportRequest request) =>
        (await server.Exports.CreateExportAsync(request)).Export.Id;

    /// <summary>The export's delivery log once its event is delivered (the sender records after the answer).</summary>
    private static async Task<List<WebhookDelivery>> DeliveredLogAsync(ExportServer server, string exportId)
    {
        using var guard = new CancellationTokenSource(ExportStreams.HangGuard);
        List<WebhookDelivery> log;
        do
        {
            log = [.. (await server.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { ExportId = exportId })).Deliveries];
            if (log.Count > 0 && log[^1].State == WebhookDeliveryState.Delivered)
            {
                return log;
            }
            await Task.Delay(50, CancellationToken.None);
        }
        while (!guard.IsCancellationRequested);
        throw new InvalidOperationException($"Export {exportId}'s webhook was never delivered; its log: {string.Join("; ", log)}");
    }

    private static async Task<WebhookDelivery> FirstAttemptAsync(ExportServer server, string exportId)
    {
        using var guard = new CancellationTokenSource(ExportStreams.HangGuard);
        while (true)
        {
            var log = (await server.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { ExportId = exportId })).Deliveries;
            if (log.Count > 0)
            {
                return log[0];
            }
            await Task.Delay(50, guard.Token);
        }
    }
}
