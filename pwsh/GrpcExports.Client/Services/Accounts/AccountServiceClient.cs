using GrpcExports.Protocol.V1;

namespace GrpcExports.Client;

/// <summary>
/// The caller's own account, tier, limits and webhook secret (grpcexports.v1.AccountService).
/// Calls fail with <see cref="GrpcExports.Protocol.Wire.RpcException"/> carrying the status code and the ErrorInfo
/// reason.
/// </summary>
public sealed class AccountServiceClient
{
    /// <summary>A client of AccountService over <paramref name="connection"/>.</summary>
    public AccountServiceClient(GrpcConnection connection)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The connection the calls go through.</summary>
    public GrpcConnection Connection { get; }

    /// <summary>Reads the caller's account and the server's version (what Get-GxServer shows).</summary>
    public Task<GetAccountResponse> GetAccountAsync(
        GetAccountRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AccountServiceMethods.GetAccount, request, options, cancellationToken);

    /// <summary>
    /// Creates or replaces the caller's webhook signing secret and returns it; this is the only time it is shown.
    /// </summary>
    public Task<RotateWebhookSecretResponse> RotateWebhookSecretAsync(
        RotateWebhookSecretRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        Connection.UnaryAsync(AccountServiceMethods.RotateWebhookSecret, request, options, cancellationToken);
}
