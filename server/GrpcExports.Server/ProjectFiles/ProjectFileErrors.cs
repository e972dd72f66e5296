using System.Globalization;
using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>The errors of the project-file RPCs that are their own; framing and checksum errors are the uploads' (AssetErrors).</summary>
internal static class ProjectFileErrors
{
    /// <summary>RESOURCE_EXHAUSTED / PAYLOAD_TOO_LARGE: the file crossed (or declared a size over) ProjectFiles:MaxFileBytes.</summary>
    public static RpcException TooLarge(long limitBytes) =>
        ProductErrors.Create(StatusCode.ResourceExhausted, ErrorReason.PayloadTooLarge,
            $"The project file is larger than the limit of {limitBytes.ToString(CultureInfo.InvariantCulture)} bytes (ProjectFiles:MaxFileBytes).",
            new Dictionary<string, string> { ["limitBytes"] = limitBytes.ToString(CultureInfo.InvariantCulture), ["what"] = "project-file" });

    /// <summary>
    /// INVALID_ARGUMENT / INVALID_PROJECT_FILE for the first problem found (metadata <c>problem</c>, <c>entry</c>), with
    /// every problem as a field violation of the streamed file (field <c>chunk</c>, the entry named in the description).
    /// </summary>
    public static RpcException Invalid(IReadOnlyList<ProjectFileProblem> problems)
    {
        var first = problems[0];
        var metadata = new Dictionary<string, string> { ["problem"] = first.Code };
        if (first.Entry.Length > 0)
        {
            metadata["entry"] = first.Entry;
        }
        var more = problems.Count > 1 ? $" ({problems.Count - 1} more problem(s); ValidateProjectFile lists them all)" : "";
        return ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidProjectFile,
            $"The project file is refused: {first.Message}{more}", metadata,
            new BadRequest
            {
                FieldViolations =
                {
                    problems.Select(problem => new BadRequest.Types.FieldViolation
                    {
                        Field = "chunk",
                        Description = problem.Entry.Length > 0 ? $"{problem.Entry}: {problem.Message}" : problem.Message,
                        Reason = problem.Code.ToUpperInvariant().Replace('-', '_'),
                    }),
                },
            });
    }

    /// <summary>FAILED_PRECONDITION / ASSETS_MISSING: assets that were to be included cannot be found.</summary>
    public static RpcException AssetsMissing(IReadOnlyList<string> assetKeys) =>
        MissingAssets.Error("A project file with its assets", assetKeys, "Its remoteKey names no uploaded asset of this user with a content file.");
}
