using System.Globalization;
using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Projects;

/// <summary>The ProjectService's errors, with the ErrorInfo metadata keys error_reason.proto lists for each reason.</summary>
internal static class ProjectErrors
{
    public static RpcException NotFound(Guid projectId) =>
        ProductErrors.Create(StatusCode.NotFound, ErrorReason.ProjectNotFound, $"There is no project {projectId}.",
            new Dictionary<string, string> { ["projectId"] = projectId.ToString() });

    public static RpcException VersionNotFound(Guid projectId, long currentVersion, long? version = null, DateTimeOffset? asOfTime = null)
    {
        var metadata = new Dictionary<string, string>
        {
            ["projectId"] = projectId.ToString(),
            ["currentVersion"] = currentVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (version is { } v)
        {
            metadata["version"] = v.ToString(CultureInfo.InvariantCulture);
        }
        if (asOfTime is { } time)
        {
            metadata["asOfTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        }
        var what = version is { } requested ? $"version {requested}" : "that time";
        return ProductErrors.Create(StatusCode.NotFound, ErrorReason.ProjectVersionNotFound,
            $"Project {projectId} has no {what}; it is at version {currentVersion}.", metadata);
    }

    /// <summary>INVALID_ARGUMENT / INVALID_REQUEST with one field violation per problem.</summary>
    public static RpcException InvalidRequest(IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidRequest,
            string.Join(" ", violations.Select(v => $"{v.Field}: {v.Description}")), null,
            new BadRequest { FieldViolations = { violations } });

    public static RpcException InvalidRequest(string field, string description) =>
        InvalidRequest([new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = "INVALID" }]);

    /// <summary>INVALID_ARGUMENT / INVALID_EDITOR_STATE: each violation's field is "editor_state" followed by its JSON Pointer.</summary>
    public static RpcException InvalidEditorState(string field, IReadOnlyList<EditorStateViolation> violations) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidEditorState,
            $"The editor state is not valid: {violations.Count} problem(s), first at {field}{violations[0].Path}: {violations[0].Message}",
            new Dictionary<string, string> { ["violationCount"] = violations.Count.ToString(CultureInfo.InvariantCulture) },
            new BadRequest
            {
                FieldViolations =
                {
                    violations.Select(v => new BadRequest.Types.FieldViolation { Field = field + v.Path, Description = v.Message }),
                },
            });
}
