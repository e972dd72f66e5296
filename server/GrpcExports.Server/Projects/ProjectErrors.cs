using System.Globalization;
using Google.Protobuf.Reflection;
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
        var message = version is { } requested
            ? $"Project {projectId} has no version {requested}; it is at version {currentVersion}."
            : $"Project {projectId} did not exist yet at {metadata.GetValueOrDefault("asOfTime")}; it is now at version {currentVersion}.";
        return ProductErrors.Create(StatusCode.NotFound, ErrorReason.ProjectVersionNotFound, message, metadata);
    }

    /// <summary>INVALID_ARGUMENT / INVALID_REQUEST with one field violation per problem.</summary>
    public static RpcException InvalidRequest(IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidRequest,
            string.Join(" ", violations.Select(v => $"{v.Field}: {v.Description}")), null,
            new BadRequest { FieldViolations = { violations } });

    public static RpcException InvalidRequest(string field, string description) =>
        InvalidRequest([new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = "INVALID" }]);

    /// <summary>How many violations an INVALID_EDITOR_STATE error lists before it says how many more there are.</summary>
    private const int MaxEditorStateFieldViolations = 50;

    private static readonly EnumDescriptor ViolationKinds = EditorStateReflection.Descriptor.FindTypeByName<EnumDescriptor>("ViolationKind");

    /// <summary>
    /// INVALID_ARGUMENT / INVALID_EDITOR_STATE: each violation's field is "editor_state" followed by its JSON Pointer; past
    /// <see cref="MaxEditorStateFieldViolations"/> a last entry on the field itself says how many more there are.
    /// </summary>
    public static RpcException InvalidEditorState(string field, IReadOnlyList<EditorStateViolation> violations)
    {
        var errors = violations.Where(v => v.Severity == ViolationSeverity.Error).ToList();
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                errors.Take(MaxEditorStateFieldViolations).Select(v => new BadRequest.Types.FieldViolation
                {
                    Field = field + v.Path, Description = v.Message, Reason = ViolationReason(v),
                }),
            },
        };
        if (errors.Count > MaxEditorStateFieldViolations)
        {
            var more = errors.Count - MaxEditorStateFieldViolations;
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = field,
                Description = $"and {more} more {(more == 1 ? "violation" : "violations")}; ValidateEditorState lists them all.",
                Reason = "MORE_VIOLATIONS",
            });
        }
        return ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidEditorState,
            $"The editor state is not valid: {errors.Count} problem(s), first at {field}{errors[0].Path}: {errors[0].Message}",
            new Dictionary<string, string> { ["violationCount"] = errors.Count.ToString(CultureInfo.InvariantCulture) },
            badRequest);
    }

    /// <summary>The field violation's reason: the rule's kind without its prefix, e.g. "SCHEMA" or "ITEMS_OVERLAP".</summary>
    private static string ViolationReason(EditorStateViolation violation) =>
        ViolationKinds.FindValueByNumber((int)violation.Kind)?.Name.Replace("VIOLATION_KIND_", "", StringComparison.Ordinal) ?? "INVALID";

    /// <summary>
    /// ABORTED / STALE_STATE_VERSION in the state versions clients send as expected_state_version, with the stream
    /// (the project's stream has the project's id) and its version for orientation.
    /// </summary>
    public static RpcException StaleStateVersion(Guid projectId, long expectedStateVersion, long currentStateVersion, long currentVersion,
        Exception? cause = null)
    {
        var error = ProductErrors.Create(StatusCode.Aborted, ErrorReason.StaleStateVersion,
            $"Project {projectId} changed in between: its state version is {currentStateVersion}, the request expected {expectedStateVersion}. Re-read it, merge and retry.",
            new Dictionary<string, string>
            {
                ["projectId"] = projectId.ToString(),
                ["streamId"] = projectId.ToString(),
                ["expectedStateVersion"] = expectedStateVersion.ToString(CultureInfo.InvariantCulture),
                ["currentStateVersion"] = currentStateVersion.ToString(CultureInfo.InvariantCulture),
                ["currentVersion"] = currentVersion.ToString(CultureInfo.InvariantCulture),
            });
        return cause is null ? error : new RpcException(error.StatusCode, error.Detail, error.Details, cause);
    }

    /// <summary>INVALID_ARGUMENT / INVALID_PAGE_TOKEN on the field page_token.</summary>
    public static RpcException InvalidPageToken(string description) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidPageToken, "page_token: " + description, null,
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "page_token", Description = description, Reason = "INVALID" } } });

    /// <summary>INVALID_ARGUMENT / INVALID_UPDATE_MASK naming each path that cannot be updated.</summary>
    public static RpcException InvalidUpdateMask(IReadOnlyList<string> paths, string allowed) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidUpdateMask,
            $"update_mask: {string.Join(", ", paths.Select(p => $"'{p}'"))} cannot be updated here; allowed paths: {allowed}.",
            new Dictionary<string, string> { ["paths"] = string.Join(",", paths) },
            new BadRequest
            {
                FieldViolations =
                {
                    paths.Select(p => new BadRequest.Types.FieldViolation
                    {
                        Field = "update_mask.paths", Description = $"'{p}' cannot be updated by UpdateProject; allowed: {allowed}.", Reason = "INVALID",
                    }),
                },
            });
}
