using System.Management.Automation;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Isolation;

/// <summary>
/// Import-Module and Remove-Module hooks: importing loads the engine into its own context (so a broken install fails
/// at Import-Module, not at the first call); removing the module closes the session.
/// </summary>
public sealed class ModuleLifetime : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => ServerSession.LoadEngine();

    public void OnRemove(PSModuleInfo psModuleInfo) => ServerSession.Disconnect();
}
