using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// Administration: API keys of any user, and the audit log (admin keys only) (grpcexports.v1.AdminService).
/// Calls fail with <see cref="GrpcExports.Protocol.Wire.RpcException"/> carrying the status code and the ErrorInfo
/// reason.
/// </summary>
public sealed class AdminServiceClient
{
    /// <summary>A client of AdminService over <paramref name="connection"/>.</summary>
    public AdminServiceClient(GrpcConnection connection)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The connection the calls go through.</summary>
    public GrpcConnection Connection { get; }

    /// <summary>
    /// Creates an API key for a user (creating the user when the id is new) and returns its secret, shown only this
    /// once.
    /// </summary>
    public Task<CreateApiKeyResponse> CreateApiKeyAsync(
        CreateApiKeyRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AdminServiceMethods.CreateApiKey, request, options, cancellationToken);

    /// <summary>Lists API keys, newest first.</summary>
    public Task<ListApiKeysResponse> ListApiKeysAsync(
        ListApiKeysRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AdminServiceMethods.ListApiKeys, request, options, cancellationToken);

    /// <summary>
    /// Revokes a key: later calls with it answer UNAUTHENTICATED API_KEY_REVOKED, at once on the server that revoked it and
    /// within Security:KeyCacheLifetime (10 s by default) on other instances sharing its database.
    /// </summary>
    public Task<RevokeApiKeyResponse> RevokeApiKeyAsync(
        RevokeApiKeyRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AdminServiceMethods.RevokeApiKey, request, options, cancellationToken);

    /// <summary>Reads the audit log, newest first.</summary>
    public Task<ListAuditEventsResponse> ListAuditEventsAsync(
        ListAuditEventsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AdminServiceMethods.ListAuditEvents, request, options, cancellationToken);
}
