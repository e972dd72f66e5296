using System.Management.Automation;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Cmdlets;

/// <summary>
/// The shape every Remove-Gx* cmdlet shares: confirmation (high impact, skipped by -Force), one delete call per
/// piped id, and the server's answer written only with -PassThru.
/// </summary>
public abstract class GxRemoveCmdlet : GxCmdlet
{
    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected void Remove<T>(string id, string action, string rpc, Func<IGxSession, CancellationToken, Task<T>> delete)
    {
        if ((SkipsConfirmation(Force) || ShouldProcess(id, action)) && TryCall(rpc, id, delete, out var deletion) && PassThru)
        {
            WriteObject(deletion);
        }
    }
}
