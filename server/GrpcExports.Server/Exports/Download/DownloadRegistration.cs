namespace GrpcExports.Server.Exports.Download;

internal static class DownloadRegistration
{
    /// <summary>
    /// Adds signed HTTP download URLs (section "Exports:Download") and notes the Kestrel endpoint named "Download", whose
    /// address the URLs carry unless Exports:Download:BaseUrl says otherwise.
    /// </summary>
    public static WebApplicationBuilder AddExportDownloads(this WebApplicationBuilder builder)
    {
        var endpoint = new DownloadEndpoint();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigurationLoader?.Endpoint(DownloadEndpoint.Name, endpoint.Capture));
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddOptions<ExportDownloadOptions>()
            .Bind(builder.Configuration.GetSection(ExportDownloadOptions.SectionName))
            .Validate(options => options.UrlLifetime > TimeSpan.Zero,
                $"{ExportDownloadOptions.SectionName}:UrlLifetime must be a positive time span such as 01:00:00.")
            .Validate(options => string.IsNullOrWhiteSpace(options.BaseUrl)
                    || (Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                $"{ExportDownloadOptions.SectionName}:BaseUrl must be an absolute http or https URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DownloadSigningKey>();
        builder.Services.AddSingleton<DownloadLinks>();
        builder.Services.AddSingleton<HttpDownloads>();
        return builder;
    }

    /// <summary>Serves GET and HEAD of the download route on every endpoint (the gRPC one answers HTTP/2 clients only).</summary>
    public static WebApplication MapExportDownloads(this WebApplication app)
    {
        app.MapMethods(DownloadLinks.RoutePattern, [HttpMethods.Get, HttpMethods.Head],
            (string exportId, string? expires, string? signature, HttpDownloads downloads, CancellationToken cancellationToken) =>
                downloads.GetAsync(exportId, expires, signature, cancellationToken));
        return app;
    }
}
