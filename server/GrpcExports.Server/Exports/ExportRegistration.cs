using GrpcExports.Server.Database;
using GrpcExports.Server.Exports.Deletion;
using GrpcExports.Server.Exports.History;
using GrpcExports.Server.Exports.Jobs;
using GrpcExports.Server.Exports.Retention;
using GrpcExports.Server.Exports.Watching;
using GrpcExports.Server.Exports.Webhooks;
using GrpcExports.Server.Exports.Workers;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports;

internal static class ExportRegistration
{
    /// <summary>
    /// Adds export jobs, their workers, the change listener and hub behind WatchExport, deletion, the retention sweep and
    /// webhooks (section "Exports"). Register
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
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(ExportsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionValidation>();
        services.AddSingleton<ExpiredOutputs>();
        services.AddSingleton<OrphanedOutputFiles>();
        services.AddHostedService<OutputRetentionSweep>();
        services.AddSingleton<ExportDeletion>();
        services.AddExportWebhooks(configuration);
        return services;
    }
}
