using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Tools;
using GrpcExports.Server.Assets.InUse;
using GrpcExports.Server.Assets.Probing;
using GrpcExports.Server.Assets.Resolving;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Server.Assets.Upload;
using GrpcExports.Server.Database;
using GrpcExports.Server.Exports;
using GrpcExports.Server.Projects.AssetCheck;
using GrpcExports.Server.Security.ChildProcesses;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Assets;

internal static class AssetRegistration
{
    /// <summary>
    /// Adds uploads (and the start-up sweep of crashed ones), probing, the asset store, the resolution of documents'
    /// assets (uploaded or in the media directory, Exports:MediaDirectory), the pre-flight check and the options (section "Assets").
    /// </summary>
    public static IServiceCollection AddAssets(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<AssetOptions>(configuration.GetSection(AssetOptions.SectionName));
        services.AddSingleton(provider => new AssetContentFiles(provider.GetRequiredService<IOptions<AssetOptions>>().Value
            .ResolveDirectory(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot)));
        services.AddMediaTools(configuration);
        services.AddSingleton<MediaProber>();
        services.AddSingleton<AssetReferrers>();
        services.AddSingleton<AssetStore>();
        services.AddSingleton<AssetListQuery>();
        services.AddSingleton<AssetUploads>();
        services.AddSingleton(provider => new MediaDirectory(provider.GetRequiredService<ExportDirectories>().Media));
        services.AddSingleton<DocumentAssets>();
        services.AddSingleton<ProjectAssetCheck>();
        services.AddHostedService<IncomingSweep>();
        return services;
    }
}
