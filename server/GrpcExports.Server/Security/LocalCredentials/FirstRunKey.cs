using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using GrpcExports.Server.Exports.Download;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Keys;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Security.LocalCredentials;

/// <summary>
/// The zero-set-up path: a server on loopback with its private database, once listening, makes sure the local
/// credentials file holds a working key for it, creating an admin key for the user "local" when it does not. A file
/// for another endpoint, or with a key still valid here, is left as it is.
/// </summary>
internal sealed partial class FirstRunKey(
    DatabaseTarget database,
    IServer server,
    DownloadEndpoint download,
    ApiKeyStore keys,
    AuditLog audit,
    IOptions<SecurityOptions> options,
    TimeProvider clock,
    ILogger<FirstRunKey> logger) : IHostedLifecycleService
{
    public const string LocalUserId = "local";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a)).ToList();
        if (database.Cluster is null || addresses.Count == 0 || !addresses.All(address => address.IsLoopback))
        {
            return;
        }
        // The gRPC endpoint is what clients of the file call; the HTTP/1.1 Download endpoint only serves download URLs.
        var grpc = addresses.FirstOrDefault(address => !download.Serves(address.ToString()));
        if (grpc is null)
        {
            return;
        }
        var endpoint = grpc.GetLeftPart(UriPartial.Authority);
        var path = CredentialsFile.ResolvePath(options.Value.CredentialsFile);
        if (CredentialsFile.TryRead(path) is { } existing)
        {
            if (!string.Equals(existing.Endpoint.TrimEnd('/'), endpoint, StringComparison.OrdinalIgnoreCase))
            {
                FileIsForAnotherEndpoint(path, existing.Endpoint);
                return;
            }
            if (ApiKeySecret.IsWellFormed(existing.ApiKey)
                && await keys.FindBySecretAsync(existing.ApiKey, cancellationToken) is { } current && current.IsActive(clock.GetUtcNow()))
            {
                return;
            }
        }
        var (key, secret) = await keys.CreateAsync(LocalUserId, "local", AccessTier.Admin, expiresAt: null, cancellationToken);
        new CredentialsFile(endpoint, secret).Write(path);
        await audit.AppendAsync(new AuditEntry(AuditEventKind.KeyCreated, new Actor { UserId = LocalUserId }, "first-run",
            $"api-key:{key.ApiKeyId}", 0, ""), cancellationToken);
        KeyWritten(path, key.SecretPrefix);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote a new API key ({Prefix}...) for the user 'local' to {Path}")]
    private partial void KeyWritten(string path, string prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Path} as it is: it holds the key of another endpoint, {Endpoint}")]
    private partial void FileIsForAnotherEndpoint(string path, string endpoint);
}
