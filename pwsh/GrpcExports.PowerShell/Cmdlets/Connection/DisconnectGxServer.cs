using System.Management.Automation;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Cmdlets.Connection;

/// <summary>Closes the session Connect-GxServer opened. Returns nothing: only the local session goes.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "GxServer")]
public sealed class DisconnectGxServer : GxCmdlet
{
    protected override void EndProcessing()
    {
        if (!ServerSession.Disconnect())
        {
            WriteVerbose("There was no session to close.");
        }
    }
}
