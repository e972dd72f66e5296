using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Renders one frame of a project version (or a contact sheet of several) as a PNG or JPEG and writes it to a file.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GxProjectThumbnail")]
[OutputType(typeof(GxProjectThumbnail))]
public sealed class GetGxProjectThumbnail : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The version to render; 0, the default, is the latest.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(0, long.MaxValue)]
    public long Version { get; set; }

    /// <summary>Position of the frame on the timeline; by default the first frame with visible content.</summary>
    [Parameter]
    public TimeSpan? Time { get; set; }

    /// <summary>Image width in pixels (16..3840); the height follows the composition. 0, the default, is 320.</summary>
    [Parameter]
    [ValidateRange(0, 3840)]
    public int Width { get; set; }

    [Parameter]
    [ValidateSet("Png", "Jpeg")]
    public string Format { get; set; } = "Png";

    /// <summary>2..64 for a contact sheet of that many frames spread over the timeline; 0 or 1 for one frame.</summary>
    [Parameter]
    [ValidateRange(0, 64)]
    public int FrameCount { get; set; }

    /// <summary>The image file to write (replaced if it exists).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        var destination = GetUnresolvedProviderPathFromPSPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        var request = new ThumbnailRequest(Id, Version, Time, Width, Format, FrameCount);
        if (TryCall("grpcexports.v1.ProjectService/GetProjectThumbnail", Id,
                (session, cancellation) => session.GetProjectThumbnailAsync(request, destination, cancellation), out var thumbnail))
        {
            WriteObject(thumbnail);
        }
    }
}
