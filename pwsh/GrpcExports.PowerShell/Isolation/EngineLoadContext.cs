using System.Reflection;
using System.Runtime.Loader;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Isolation;

/// <summary>
/// The module's own load context, so that another module (or PowerShell itself) loading a different
/// Google.Protobuf cannot break this one, nor this one break it.
///
/// The split: this assembly, GrpcExports.PowerShell, is loaded by Import-Module into PowerShell's default context.
/// It holds the cmdlets, their output types and the engine contract (<see cref="IGxEngine"/>), and references only
/// PowerShell and the BCL. Everything with outside dependencies - GrpcExports.PowerShell.Engine, the gRPC client,
/// the generated messages and Google.Protobuf - sits in the module's "dependencies" folder, which PowerShell never
/// looks into, and is loaded here. The engine implements the contract; the arrow points from the engine to this
/// assembly, never back, so the cmdlet assembly needs no resolving hook and no engine type can appear in a cmdlet's
/// parameters or output. When the engine asks for this assembly (or PowerShell's, or the BCL's) this context
/// answers with the default context's copy, so both sides share the contract's types.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private const string EngineAssemblyName = "GrpcExports.PowerShell.Engine";
    private const string EngineTypeName = "GrpcExports.PowerShell.Engine.GxEngine";

    private static readonly Assembly ContractAssembly = typeof(IGxEngine).Assembly;

    private readonly string _dependencyDirectory;

    private EngineLoadContext(string dependencyDirectory)
        : base(nameof(EngineLoadContext), isCollectible: false)
    {
        _dependencyDirectory = dependencyDirectory;
    }

    /// <summary>Loads the engine from the "dependencies" folder beside this assembly and makes one.</summary>
    public static IGxEngine CreateEngine()
    {
        var moduleDirectory = Path.GetDirectoryName(ContractAssembly.Location)
            ?? throw new InvalidOperationException("The GrpcExports module assembly has no location on disk.");
        var context = new EngineLoadContext(Path.Combine(moduleDirectory, "dependencies"));
        var engineAssembly = context.LoadFromAssemblyName(new AssemblyName(EngineAssemblyName));
        var engineType = engineAssembly.GetType(EngineTypeName, throwOnError: true)!;
        return (IGxEngine)Activator.CreateInstance(engineType, nonPublic: true)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (AssemblyName.ReferenceMatchesDefinition(assemblyName, ContractAssembly.GetName()))
        {
            return ContractAssembly;
        }
        var candidate = Path.Combine(_dependencyDirectory, assemblyName.Name + ".dll");
        // Anything not shipped in the folder (PowerShell, the BCL) comes from the default context.
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
