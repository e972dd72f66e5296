namespace GrpcExports.PowerShell.Output;

/// <summary>What Test-GxProject returns: whether the server would accept an editor state, and why not.</summary>
public sealed class GxValidationResult
{
    internal GxValidationResult(bool valid, IReadOnlyList<GxEditorStateViolation> violations, bool truncated, GxAssetCheck? assetCheck = null)
    {
        Valid = valid;
        Violations = violations;
        Truncated = truncated;
        AssetCheck = assetCheck;
    }

    public bool Valid { get; }

    public IReadOnlyList<GxEditorStateViolation> Violations { get; }

    /// <summary>True when there were more violations than the server reports.</summary>
    public bool Truncated { get; }

    /// <summary>The asset pre-flight; null when the server cannot check assets yet.</summary>
    public GxAssetCheck? AssetCheck { get; }

    internal GxValidationResult WithAssetCheck(GxAssetCheck? assetCheck) => new(Valid, Violations, Truncated, assetCheck);
}

/// <summary>One reason an editor state is refused (or a warning), at a JSON Pointer into the document.</summary>
public sealed record GxEditorStateViolation(string Path, string Kind, string Severity, string Message);
