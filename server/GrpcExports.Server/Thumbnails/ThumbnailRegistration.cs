using GrpcExports.Rendering.Tools;
using GrpcExports.Server.Database;
using GrpcExports.Server.Security.ChildProcesses;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Thumbnails;

internal static class ThumbnailRegistration
{
    /// <summary>Adds project thumbnails and their cache (section "Thumbnails").</summary>
    public static IServiceCollection AddThumbnails(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<ThumbnailOptions>(configuration.GetSection(ThumbnailOptions.SectionName));
        services.AddSingleton(provider => new ThumbnailCache(provider.GetRequiredService<IOptions<ThumbnailOptions>>().Value
            .ResolveDirectory(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot)));
        services.AddMediaTools(configuration);
        services.AddSingleton<ProjectThumbnails>();
        return services;
    }
}
