namespace GrpcExports.Server.Exports.Download;

/// <summary>The "Exports:Download" configuration section: the HTTP download URLs of succeeded exports.</summary>
internal sealed class ExportDownloadOptions
{
    public const string SectionName = "Exports:Download";

    /// <summary>How long a download URL works at least; it is rounded up to a step (<see cref="DownloadToken.ExpiryFor"/>). Default 1 h.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The scheme, host and port download URLs start with, for a server behind a proxy or listening on every interface.
    /// Default: the address the Download endpoint listens on (or, without one, the first gRPC endpoint's).
    /// </summary>
    public string? BaseUrl { get; set; }
}
