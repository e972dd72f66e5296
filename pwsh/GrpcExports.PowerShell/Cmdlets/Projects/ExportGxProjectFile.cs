using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Writes a version of a project as a portable project file (.gxproj), with progress; -IncludeAssets puts the asset files
/// inside so it is self-contained. The SHA-256 is checked against the server's, and a file that does not match is deleted.
/// </summary>
[Cmdlet(VerbsData.Export, "GxProjectFile", SupportsShouldProcess = true)]
[OutputType(typeof(GxProjectFile))]
public sealed class ExportGxProjectFile : GxCmdlet
{
    private const int ProgressActivityId = 0x677B;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The version to write; 0, the default, is the latest.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(0, long.MaxValue)]
    public long Version { get; set; }

    /// <summary>Put every referenced asset file inside the project file.</summary>
    [Parameter]
    public SwitchParameter IncludeAssets { get; set; }

    /// <summary>The file to write.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Replace a file that exists already.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var destination = GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(destination) && !Force)
        {
            WriteError(new ErrorRecord(new IOException($"{destination} exists already; use -Force to replace it."),
                "PROJECT_FILE_EXISTS", ErrorCategory.ResourceExists, destination));
            return;
        }
        if (!ShouldProcess(destination, Version == 0 ? $"Export project {Id}" : $"Export version {Version} of project {Id}"))
        {
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        var activity = $"Exporting project {Id} to {destination}";
        GxProjectFile? written = null;
        TryStream("grpcexports.v1.ProjectService/ExportProjectFile", Id,
            (session, cancellation) => session.ExportProjectFileAsync(Id, Version, IncludeAssets, destination, cancellation),
            step =>
            {
                written = step.Result;
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{step.BytesDone:N0} of {step.BytesTotal:N0} bytes")
                {
                    PercentComplete = step.BytesTotal > 0 ? (int)(step.BytesDone * 100 / step.BytesTotal) : 100,
                });
            });
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (written is not null)
        {
            WriteObject(written);
        }
    }
}
