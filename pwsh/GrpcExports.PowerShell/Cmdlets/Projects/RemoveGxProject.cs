using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>Deletes a project: afterwards every project cmdlet reports it as not found.</summary>
[Cmdlet(VerbsCommon.Remove, "GxProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GxProjectDeletion))]
public sealed class RemoveGxProject : GxRemoveCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    protected override void ProcessRecord() =>
        Remove(Id, "Delete project", "grpcexports.v1.ProjectService/DeleteProject", (session, cancellation) => session.DeleteProjectAsync(Id, cancellation));
}
