using System.Management.Automation;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Checks a portable project file (.gxproj) without importing it: whether it could be imported, its format version, what it
/// contains, and every problem with the archive or the editor state inside. Nothing is written on the server.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "GxProjectFile")]
[OutputType(typeof(GxProjectFileCheck))]
public sealed class TestGxProjectFile : GxCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        string file;
        try
        {
            var files = GetResolvedProviderPathFromPSPath(Path, out var provider);
            if (provider.Name != "FileSystem" || files.Count != 1 || !File.Exists(files[0]))
            {
                throw new ArgumentException($"-Path must name one project file, not '{Path}'.");
            }
            file = files[0];
        }
        catch (Exception error) when (error is ItemNotFoundException or ArgumentException)
        {
            WriteInputError(error, "INVALID_PROJECT_FILE_PATH", Path);
            return;
        }
        if (TryCall("grpcexports.v1.ProjectService/ValidateProjectFile", file, (session, cancellation) => session.ValidateProjectFileAsync(file, cancellation),
                out var check))
        {
            WriteObject(check);
        }
    }
}
