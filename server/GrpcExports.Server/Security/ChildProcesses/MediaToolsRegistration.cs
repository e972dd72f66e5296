using GrpcExports.Rendering.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrpcExports.Server.Security.ChildProcesses;

internal static class MediaToolsRegistration
{
    public const string SectionName = "MediaTools";

    /// <summary>
    /// Adds the ffmpeg, ffprobe and ImageMagick runner every capability shares, bounded by the limits of section
    /// "MediaTools" (<see cref="ToolLimits"/>: time, memory, ImageMagick's resources).
    /// </summary>
    public static IServiceCollection AddMediaTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => new MediaTools(limits: configuration.GetSection(SectionName).Get<ToolLimits>() ?? new ToolLimits()));
        return services;
    }
}
