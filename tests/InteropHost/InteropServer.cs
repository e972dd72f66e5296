using GrpcExports.Grpc.Hosting;
using InteropHost.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InteropHost;

/// <summary>Builds the web application that serves grpc.testing.TestService over cleartext HTTP/2.</summary>
public static class InteropServer
{
    public static WebApplication Build(string[] args)
    {
        var options = CommandLine.Parse(args);
        var builder = WebApplication.CreateBuilder(options.RemainingArguments);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        if (options.Port is { } port)
        {
            builder.WebHost.UseUrls($"http://{options.Host}:{port}");
        }
        builder.Services.AddGrpcLayer(builder.Configuration);
        builder.Services.AddGrpcService<TestServiceImpl>();
        // grpc.testing.UnimplementedService is deliberately not registered: calling it must exercise the layer's
        // own answer for a service nobody serves (UNIMPLEMENTED), which is what the unimplemented_service case checks.

        var app = builder.Build();
        app.UseGrpcLayer();
        return app;
    }
}
