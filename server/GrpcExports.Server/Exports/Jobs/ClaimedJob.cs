namespace GrpcExports.Server.Exports.Jobs;

/// <summary>A job a worker holds the lease on, with the stateless form's document (null for the project form).</summary>
internal sealed record ClaimedJob(ExportJob Job, string? EditorStateJson);
