using System.Management.Automation;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Projects;

/// <summary>
/// Creates a project from a portable project file (.gxproj), with upload progress. Included assets are stored and relinked;
/// the asset keys that could not be linked to anything are listed in MissingAssetKeys.
/// </summary>
[Cmdlet(VerbsData.Import, "GxProjectFile", SupportsShouldProcess = true)]
[OutputType(typeof(GxProjectImport))]
public sealed class ImportGxProjectFile : GxCmdlet
{
    private const int ProgressActivityId = 0x677C;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        if (!TryResolveFile(Path, out var file))
        {
            return;
        }
        if (!ShouldProcess(file, "Import project file"))
        {
            return;
        }
        var activity = $"Importing {System.IO.Path.GetFileName(file)}";
        GxProjectImport? imported = null;
        TryStream("grpcexports.v1.ProjectService/ImportProjectFile", file,
            (session, cancellation) => session.ImportProjectFileAsync(file, cancellation),
            step =>
            {
                imported = step.Result;
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{step.BytesDone:N0} of {step.BytesTotal:N0} bytes")
                {
                    PercentComplete = step.BytesTotal > 0 ? (int)(step.BytesDone * 100 / step.BytesTotal) : 100,
                });
            });
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (imported is not null)
        {
            foreach (var key in imported.MissingAssetKeys)
            {
                WriteWarning($"Asset {key} of the imported project could not be linked to any asset; exports will report it missing.");
            }
            WriteObject(imported);
        }
    }

    private bool TryResolveFile(string path, out string file)
    {
        file = "";
        try
        {
            var files = GetResolvedProviderPathFromPSPath(path, out var provider);
            if (provider.Name != "FileSystem" || files.Count != 1 || !File.Exists(files[0]))
            {
                throw new ArgumentException($"-Path must name one project file, not '{path}'.");
            }
            file = files[0];
            return true;
        }
        catch (Exception error) when (error is ItemNotFoundException or ArgumentException)
        {
            WriteInputError(error, "INVALID_PROJECT_FILE_PATH", path);
            return false;
        }
    }
}
