namespace GrpcExports.PowerShell.Output;

/// <summary>What Remove-GxProject -PassThru returns: which project went, and when.</summary>
public sealed class GxProjectDeletion
{
    internal GxProjectDeletion(string projectId, DateTime? deleteTime)
    {
        ProjectId = projectId;
        DeleteTime = deleteTime;
    }

    public string ProjectId { get; }

    public DateTime? DeleteTime { get; }
}
