using GrpcExports.Server.Database;
using GrpcExports.Server.Exports.History;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Watching;
using GrpcExports.Server.Exports.Workers;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports;

internal static class ExportRegistration
{
    /// <summary>
    /// Adds export jobs, their workers, and the change listener and hub behind WatchExport (section "Exports"). Register
    /// after the database: hosted services stop in reverse order, so the workers hand their jobs back while it is up.
    /// </summary>
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<ExportsOptions>(configuration.GetSection(ExportsOptions.SectionName));
        services.AddSingleton(provider => ExportDirectories.From(
            provider.GetRequiredService<IOptions<ExportsOptions>>().Value,
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            contentRoot));
        services.AddSingleton<ExportHistory>();
        services.AddSingleton<ExportJobStore>();
        services.AddSingleton<ExportJobQueue>();
        services.AddSingleton<ExportListQuery>();
        services.AddSingleton<ExportChangeHub>();
        services.AddSingleton<RunningRenders>();
        services.AddSingleton<ExportQueueSignal>();
        services.AddSingleton<ExportJobRunner>();
        services.AddHostedService<ExportChangeListener>();
        services.AddHostedService<ExportWorkerPool>();
        return services;
    }
}
