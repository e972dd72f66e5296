using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// Exports of editor states to MP4 or WebM: jobs with live progress, cancellation, downloads and webhooks
/// (grpcexports.v1.ExportService).
/// Calls fail with <see cref="GrpcExports.Protocol.Wire.RpcException"/> carrying the status code and the ErrorInfo
/// reason.
/// </summary>
public sealed class ExportServiceClient
{
    /// <summary>A client of ExportService over <paramref name="connection"/>.</summary>
    public ExportServiceClient(GrpcConnection connection)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The connection the calls go through.</summary>
    public GrpcConnection Connection { get; }

    /// <summary>
    /// Starts an export of a saved project (latest or a past version) or of an editor state sent in the request.
    /// </summary>
    public Task<CreateExportResponse> CreateExportAsync(
        CreateExportRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ExportServiceMethods.CreateExport, request, options, cancellationToken);

    /// <summary>Reads one export's current state, progress included.</summary>
    public Task<GetExportResponse> GetExportAsync(
        GetExportRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ExportServiceMethods.GetExport, request, options, cancellationToken);

    /// <summary>
    /// Lists the caller's exports, newest first (create_time descending, then id), with optional filters.
    /// </summary>
    public Task<ListExportsResponse> ListExportsAsync(
        ListExportsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ExportServiceMethods.ListExports, request, options, cancellationToken);

    /// <summary>
    /// Follows one export: the first message is its current state, then one message per change (progress, stage,
    /// status), then the terminal state, after which the server ends the stream with OK. Enumerate the result to run
    /// the call.
    /// </summary>
    public ServerStreamingCall<WatchExportResponse> WatchExportAsync(
        WatchExportRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.ServerStreaming(ExportServiceMethods.WatchExport, request, options, cancellationToken);

    /// <summary>
    /// Cancels a QUEUED or RENDERING export: it becomes CANCELLED, its render processes stop within 2 s and its partial
    /// files are removed.
    /// </summary>
    public Task<CancelExportResponse> CancelExportAsync(
        CancelExportRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ExportServiceMethods.CancelExport, request, options, cancellationToken);

    /// <summary>Deletes a terminal export and its output file (for cleanup scripts).</summary>
    public Task<DeleteExportResponse> DeleteExportAsync(
        DeleteExportRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ExportServiceMethods.DeleteExport, request, options, cancellationToken);

    /// <summary>
    /// Streams a SUCCEEDED export's file: the first message carries ExportDownloadInfo (content type, total size,
    /// SHA-256 of the whole file, the offset this stream starts at), then the bytes from <c>offset</c> to the end, in
    /// order, in chunks of at most <c>chunk_size</c>. Enumerate the result to run the call.
    /// </summary>
    public ServerStreamingCall<DownloadExportResponse> DownloadExportAsync(
        DownloadExportRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.ServerStreaming(ExportServiceMethods.DownloadExport, request, options, cancellationToken);

    /// <summary>Lists the webhook delivery attempts of one export, oldest first.</summary>
    public Task<ListWebhookDeliveriesResponse> ListWebhookDeliveriesAsync(
        ListWebhookDeliveriesRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(ExportServiceMethods.ListWebhookDeliveries, request, options, cancellationToken);
}
