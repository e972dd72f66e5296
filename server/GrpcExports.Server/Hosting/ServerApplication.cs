using GrpcExports.Grpc.Hosting;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Database;
using GrpcExports.Server.Events;
using GrpcExports.Server.Exports;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace GrpcExports.Server.Hosting;

/// <summary>
/// Builds the server: Kestrel speaking cleartext HTTP/2 on 127.0.0.1:5000 unless configured otherwise (standard
/// ASP.NET Core configuration: appsettings.json, environment variables such as Kestrel__Endpoints__Grpc__Url,
/// or --Kestrel:Endpoints:Grpc:Url=... on the command line), the database (a configured PostgreSQL server, or a
/// private cluster the server starts itself; migrated before Kestrel listens), the event store, and every gRPC
/// service of the product behind API-key authentication (Security/).
/// </summary>
public static class ServerApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Cleartext HTTP/2 has no upgrade path, so an endpoint that is not told otherwise speaks only HTTP/2.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.Services.AddSecurity(builder.Configuration);
        builder.Services.AddDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddEventStore();
        builder.Services.AddProjectStore(builder.Configuration);
        builder.Services.AddAssets(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddExports(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddGrpcLayer(builder.Configuration);
        builder.Services.AddProductServices();

        var app = builder.Build();
        app.UseGrpcLayer();
        return app;
    }

    /// <summary>The addresses Kestrel listens on, once started (port 0 resolved to the real port).</summary>
    public static IReadOnlyCollection<string> ListeningAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
}
