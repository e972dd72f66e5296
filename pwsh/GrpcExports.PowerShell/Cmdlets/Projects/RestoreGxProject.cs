using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Brings back the editor state of an earlier version as a new version; the history in between is kept.
/// </summary>
[Cmdlet(VerbsData.Restore, "GxProject", SupportsShouldProcess = true)]
[OutputType(typeof(GxProject))]
public sealed class RestoreGxProject : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(1, long.MaxValue)]
    public long Version { get; set; }

    /// <summary>As for Sync-GxProject: the StateVersion last read, or 0 (the default) for no check.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long ExpectedVersion { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Id, $"Restore the editor state of version {Version}"))
        {
            return;
        }
        if (TryCall("grpcexports.v1.ProjectService/RevertProject", Id,
                (session, cancellation) => session.RevertProjectAsync(Id, Version, ExpectedVersion, cancellation), out var revert))
        {
            if (revert.Unchanged)
            {
                WriteWarning($"The editor state of version {Version} is the current one already: nothing was stored.");
            }
            WriteObject(revert.Project);
        }
    }
}
