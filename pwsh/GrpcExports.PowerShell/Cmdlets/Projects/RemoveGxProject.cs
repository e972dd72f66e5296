using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>Deletes a project: afterwards every project cmdlet reports it as not found.</summary>
[Cmdlet(VerbsCommon.Remove, "GxProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GxProjectDeletion))]
public sealed class RemoveGxProject : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!(SkipsConfirmation(Force) || ShouldProcess(Id, "Delete project")))
        {
            return;
        }
        if (TryCall("grpcexports.v1.ProjectService/DeleteProject", Id, (session, cancellation) => session.DeleteProjectAsync(Id, cancellation), out var deletion) && PassThru)
        {
            WriteObject(deletion);
        }
    }
}
