using GrpcExports.Grpc.Hosting;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Database;
using GrpcExports.Server.Events;
using GrpcExports.Server.Exports;
using GrpcExports.Server.Exports.Download;
using GrpcExports.Server.Limits;
using GrpcExports.Server.ProjectFiles;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Security;
using GrpcExports.Server.Thumbnails;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace GrpcExports.Server.Hosting;

/// <summary>
/// Builds the server: Kestrel speaking cleartext HTTP/2 on 127.0.0.1:5000, and HTTP/1.1 for export download URLs on
/// 127.0.0.1:5080 (the Download endpoint), unless configured otherwise (standard
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
        builder.Services.AddLimits(builder.Configuration);
        builder.Services.AddDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddEventStore();
        builder.Services.AddProjectStore(builder.Configuration);
        builder.Services.AddAssets(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddExports(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddExportDownloads();
        builder.Services.AddProjectFiles(builder.Configuration);
        builder.Services.AddThumbnails(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddGrpcLayer(builder.Configuration);
        builder.Services.AddProductServices();

        var app = builder.Build();
        app.UseGrpcLayer();
        app.MapExportDownloads();
        return app;
    }

    /// <summary>The addresses Kestrel serves gRPC on, once started (port 0 resolved to the real port): all but the Download endpoint's.</summary>
    public static IReadOnlyCollection<string> ListeningAddresses(this WebApplication app)
    {
        var download = app.Services.GetService<DownloadEndpoint>();
        return app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Where(address => download?.Serves(address) != true).ToList();
    }

    /// <summary>The address of the HTTP/1.1 Download endpoint (Kestrel:Endpoints:Download), once started; null without one.</summary>
    public static Uri? DownloadAddress(this WebApplication app) => app.Services.GetService<DownloadEndpoint>()?.Address;
}
