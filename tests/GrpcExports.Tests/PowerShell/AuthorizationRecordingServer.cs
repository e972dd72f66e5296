using System.Collections.Concurrent;
using GrpcExports.Grpc.Calls;
using GrpcExports.Grpc.Hosting;
using GrpcExports.Grpc.Interception;
using GrpcExports.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// The gRPC layer with only its health service, on a real Kestrel listener, noting the authorization header of every
/// call: what the module sends, seen where a server sees it.
/// </summary>
public sealed class AuthorizationRecordingServer : IAsyncDisposable
{
    /// <summary>What <see cref="Received"/> holds for a call that carried no authorization header.</summary>
    public const string NoHeader = "(none)";

    private readonly WebApplication _app;
    private readonly Recorder _recorder;

    private AuthorizationRecordingServer(WebApplication app, Recorder recorder)
    {
        _app = app;
        _recorder = recorder;
        Address = new Uri(app.ListeningAddresses().Single());
    }

    public Uri Address { get; }

    /// <summary>Each call's authorization header, in the order the calls arrived.</summary>
    public IReadOnlyList<string> Received => _recorder.Headers.ToArray();

    public static async Task<AuthorizationRecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        // The server's appsettings.json is copied beside the tests; this server must not pick up its endpoint.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcLayer(builder.Configuration);
        var recorder = new Recorder();
        builder.Services.AddSingleton<IServerInterceptor>(recorder);
        var app = builder.Build();
        app.UseGrpcLayer();
        await app.StartAsync();
        return new AuthorizationRecordingServer(app, recorder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Recorder : IServerInterceptor
    {
        public ConcurrentQueue<string> Headers { get; } = new();

        public Task InterceptAsync(ServerCallContext context, Func<Task> next)
        {
            var authorization = context.RequestHeaders.Authorization.ToString();
            Headers.Enqueue(authorization.Length == 0 ? NoHeader : authorization);
            return next();
        }
    }
}
