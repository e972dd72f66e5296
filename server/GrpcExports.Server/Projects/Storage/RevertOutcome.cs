namespace GrpcExports.Server.Projects.Storage;

/// <summary>What a revert did: the project after it, and whether the restored state was the current one (nothing appended).</summary>
internal sealed record RevertOutcome(ProjectRow Project, bool Unchanged);
