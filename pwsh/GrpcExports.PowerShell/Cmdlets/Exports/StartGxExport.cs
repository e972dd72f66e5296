using System.Management.Automation;
using GrpcExports.PowerShell.Completion;
using GrpcExports.PowerShell.EditorState;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Cmdlets.Exports;

/// <summary>
/// Starts rendering a saved project (latest or a past version) or an editor state given here to MP4 or WebM. Every
/// option of the export is a parameter; options piped in with an export (its Options) are the starting point, so a
/// failed export piped in renders again as it was asked. With -Wait, waits for the render like Wait-GxExport.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "GxExport", SupportsShouldProcess = true, DefaultParameterSetName = ProjectSet)]
[OutputType(typeof(GxExport))]
public sealed class StartGxExport : GxCmdlet
{
    private const string ProjectSet = "Project";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProjectSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(ProjectIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string ProjectId { get; set; } = "";

    /// <summary>The project version to render; 0, the default, is the latest (fixed now: later syncs do not change it).</summary>
    [Parameter(ParameterSetName = ProjectSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectVersion")]
    [ArgumentCompleter(typeof(ProjectVersionCompleter))]
    [ValidateRange(0, long.MaxValue)]
    public long Version { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EditorStateSource.ObjectParameterSet)]
    [ValidateNotNull]
    public object? EditorState { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EditorStateSource.PathParameterSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Options to start from (an export's Options); the option parameters given override them.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public GxExportOptions? Options { get; set; }

    [Parameter]
    [ValidateSet("mp4", "webm")]
    public string? Format { get; set; }

    /// <summary>The short side of the frame: 4k (2160), 1080, 720 or 480 pixels; replaces -Scale.</summary>
    [Parameter]
    [ValidateSet("4k", "1080", "720", "480")]
    public string? Resolution { get; set; }

    [Parameter]
    [ValidateSet("16:9", "9:16", "1:1", "4:3", "3:4", "custom")]
    public string? Ratio { get; set; }

    [Parameter]
    [ValidateRange(16, 7680)]
    public int CustomWidth { get; set; }

    [Parameter]
    [ValidateRange(16, 7680)]
    public int CustomHeight { get; set; }

    [Parameter]
    [ValidateRange(0.6, 8.0)]
    public double Scale { get; set; }

    [Parameter]
    [ValidateRange(1, 120)]
    public int Fps { get; set; }

    [Parameter]
    [ValidateSet("draft", "standard", "high")]
    public string? Quality { get; set; }

    [Parameter]
    [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
    public string? LetterboxColor { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AssetIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? WatermarkAssetId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WatermarkMediaPath { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? WatermarkUrl { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double WatermarkPositionX { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double WatermarkPositionY { get; set; }

    [Parameter]
    [ValidateRange(0.01, 10.0)]
    public double WatermarkScale { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double WatermarkOpacity { get; set; }

    [Parameter]
    public SwitchParameter SkipUnsupportedItems { get; set; }

    [Parameter]
    [ValidateLength(1, 128)]
    public string? Name { get; set; }

    /// <summary>Your id for this export: starting again with the same one returns the earlier export instead of a new one.</summary>
    [Parameter]
    [ValidateLength(1, 128)]
    public string? ClientTaskId { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? WebhookUrl { get; set; }

    /// <summary>Waits for the render to finish, showing its progress, and returns the finished export.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void ProcessRecord()
    {
        var target = ParameterSetName == ProjectSet ? ProjectId : Path ?? "-EditorState";
        if (!TryReadEditorState(EditorState, Path, target, out var editorStateJson)
            || !ShouldProcess(target, Version == 0 ? "Start export" : $"Start export of version {Version}"))
        {
            return;
        }
        var export = new NewExport(ParameterSetName == ProjectSet ? ProjectId : null, Version, editorStateJson, Settings(), Name, ClientTaskId,
            WebhookUrl?.ToString());
        if (!TryCall("grpcexports.v1.ExportService/CreateExport", target, (session, cancellation) => session.CreateExportAsync(export, cancellation), out var created))
        {
            return;
        }
        if (created.Deduplicated)
        {
            WriteVerbose($"Client task id '{ClientTaskId}' names export {created.Export.Id} already: no new export was started.");
        }
        if (Wait)
        {
            WaitForExport(created.Export.Id, timeout: null);
            return;
        }
        WriteObject(created.Export);
    }

    private ExportSettings Settings()
    {
        var bound = MyInvocation.BoundParameters;
        var settings = ExportSettingsOf(Options);
        if (bound.ContainsKey(nameof(Resolution)))
        {
            settings = settings with { Resolution = Resolution, Scale = 0 };
        }
        if (bound.ContainsKey(nameof(Scale)))
        {
            settings = settings with { Scale = Scale, Resolution = null };
        }
        if (bound.ContainsKey(nameof(Ratio)))
        {
            settings = settings with { Ratio = Ratio, CustomWidth = 0, CustomHeight = 0 };
        }
        if (bound.ContainsKey(nameof(WatermarkAssetId)) || bound.ContainsKey(nameof(WatermarkMediaPath)) || bound.ContainsKey(nameof(WatermarkUrl)))
        {
            settings = settings with { WatermarkAssetId = WatermarkAssetId, WatermarkMediaPath = WatermarkMediaPath, WatermarkUrl = WatermarkUrl?.ToString() };
        }
        return settings with
        {
            Format = Format ?? settings.Format,
            Quality = Quality ?? settings.Quality,
            Fps = bound.ContainsKey(nameof(Fps)) ? Fps : settings.Fps,
            CustomWidth = bound.ContainsKey(nameof(CustomWidth)) ? CustomWidth : settings.CustomWidth,
            CustomHeight = bound.ContainsKey(nameof(CustomHeight)) ? CustomHeight : settings.CustomHeight,
            LetterboxColor = LetterboxColor ?? settings.LetterboxColor,
            WatermarkPositionX = bound.ContainsKey(nameof(WatermarkPositionX)) ? WatermarkPositionX : settings.WatermarkPositionX,
            WatermarkPositionY = bound.ContainsKey(nameof(WatermarkPositionY)) ? WatermarkPositionY : settings.WatermarkPositionY,
            WatermarkScale = bound.ContainsKey(nameof(WatermarkScale)) ? WatermarkScale : settings.WatermarkScale,
            WatermarkOpacity = bound.ContainsKey(nameof(WatermarkOpacity)) ? WatermarkOpacity : settings.WatermarkOpacity,
            SkipUnsupportedItems = SkipUnsupportedItems || settings.SkipUnsupportedItems,
        };
    }

    private static ExportSettings ExportSettingsOf(GxExportOptions? options) => options is null
        ? new ExportSettings()
        : new ExportSettings
        {
            Fps = options.Fps,
            Ratio = options.Ratio.Length == 0 ? null : options.Ratio,
            CustomWidth = options.CustomWidth,
            CustomHeight = options.CustomHeight,
            Scale = options.Resolution.Length == 0 ? options.Scale : 0,
            Resolution = options.Resolution.Length == 0 ? null : options.Resolution,
            Format = options.Format,
            Quality = options.Quality,
            LetterboxColor = options.LetterboxColor.Length == 0 ? null : options.LetterboxColor,
            WatermarkAssetId = options.Watermark?.AssetId,
            WatermarkMediaPath = options.Watermark?.MediaPath,
            WatermarkUrl = options.Watermark?.Url,
            WatermarkPositionX = options.Watermark?.PositionX,
            WatermarkPositionY = options.Watermark?.PositionY,
            WatermarkScale = options.Watermark?.Scale ?? 0,
            WatermarkOpacity = options.Watermark?.Opacity,
            SkipUnsupportedItems = options.SkipUnsupportedItems,
        };
}
