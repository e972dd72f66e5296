using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Projects;

/// <summary>What ProjectService errors must carry: status, reason, and the offending fields or ids.</summary>
internal static class ProjectAssertions
{
    /// <summary>INVALID_ARGUMENT with <paramref name="reason"/> and exactly these field violations.</summary>
    public static void AssertInvalid(RpcException error, string reason, params string[] fields)
    {
        Assert.Equal((StatusCode.InvalidArgument, reason), (error.StatusCode, error.Reason));
        Assert.Equal(fields.Order(), error.BadRequest!.FieldViolations.Select(v => v.Field).Order());
    }

    /// <summary>NOT_FOUND / PROJECT_NOT_FOUND naming the project.</summary>
    public static void AssertProjectNotFound(RpcException error, string projectId)
    {
        Assert.Equal((StatusCode.NotFound, "PROJECT_NOT_FOUND"), (error.StatusCode, error.Reason));
        Assert.Equal(projectId, error.ErrorInfo!.Metadata["projectId"]);
    }

    /// <summary>NOT_FOUND / PROJECT_VERSION_NOT_FOUND with the version asked for and the current one.</summary>
    public static void AssertVersionNotFound(RpcException error, string projectId, long version, long currentVersion)
    {
        Assert.Equal((StatusCode.NotFound, "PROJECT_VERSION_NOT_FOUND"), (error.StatusCode, error.Reason));
        Assert.Equal(projectId, error.ErrorInfo!.Metadata["projectId"]);
        Assert.Equal(version.ToString(), error.ErrorInfo.Metadata["version"]);
        Assert.Equal(currentVersion.ToString(), error.ErrorInfo.Metadata["currentVersion"]);
    }

    /// <summary>ABORTED / STALE_STATE_VERSION in state versions, with the stream id and its version.</summary>
    public static void AssertStaleState(RpcException error, string projectId, long expectedStateVersion, long currentStateVersion, long currentVersion)
    {
        Assert.Equal((StatusCode.Aborted, "STALE_STATE_VERSION"), (error.StatusCode, error.Reason));
        var metadata = error.ErrorInfo!.Metadata;
        Assert.Equal(projectId, metadata["projectId"]);
        Assert.Equal(projectId, metadata["streamId"]);
        Assert.Equal(expectedStateVersion.ToString(), metadata["expectedStateVersion"]);
        Assert.Equal(currentStateVersion.ToString(), metadata["currentStateVersion"]);
        Assert.Equal(currentVersion.ToString(), metadata["currentVersion"]);
    }
}
