using System.Collections.ObjectModel;
using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Assets;

/// <summary>
/// Uploads media files (images, videos, audio, GIFs, fonts, captions) with upload progress; the server probes each and
/// returns its asset, whose Id goes in an editor state's assets[*].remoteKey. Files pipe in from Get-ChildItem.
/// </summary>
[Cmdlet(VerbsCommon.Add, "GxAsset", SupportsShouldProcess = true)]
[OutputType(typeof(GxAsset))]
public sealed class AddGxAsset : GxCmdlet
{
    private const int ProgressActivityId = 0x677A;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The project the files are for; Get-GxAsset -ProjectId lists them.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    /// <summary>The MIME type to claim, such as video/mp4; by default the server infers it from the file name.</summary>
    [Parameter]
    [ValidatePattern("^[a-z]+/[A-Za-z0-9.+-]+$")]
    public string? MediaType { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            Collection<string> files;
            try
            {
                files = GetResolvedProviderPathFromPSPath(path, out var provider);
                if (provider.Name != "FileSystem")
                {
                    throw new ArgumentException($"-Path must name files, not '{path}'.");
                }
            }
            catch (Exception error) when (error is ItemNotFoundException or ArgumentException)
            {
                WriteInputError(error, "INVALID_ASSET_PATH", path);
                continue;
            }
            foreach (var file in files)
            {
                Upload(file);
            }
        }
    }

    private void Upload(string file)
    {
        if (!File.Exists(file))
        {
            WriteInputError(new ArgumentException($"'{file}' is not a file."), "INVALID_ASSET_PATH", file);
            return;
        }
        if (!ShouldProcess(file, "Upload asset"))
        {
            return;
        }
        var asset = new NewAsset(file, System.IO.Path.GetFileName(file), MediaType, ProjectId);
        var activity = $"Uploading {asset.FileName}";
        GxAsset? uploaded = null;
        TryStream("grpcexports.v1.AssetService/UploadAsset", file,
            (session, cancellation) => session.UploadAssetAsync(asset, cancellation),
            step =>
            {
                uploaded = step.Result;
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{step.BytesDone:N0} of {step.BytesTotal:N0} bytes")
                {
                    PercentComplete = step.BytesTotal > 0 ? (int)(step.BytesDone * 100 / step.BytesTotal) : 100,
                });
            });
        WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (uploaded is not null)
        {
            WriteObject(uploaded);
        }
    }
}
