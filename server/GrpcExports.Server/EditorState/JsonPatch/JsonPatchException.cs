namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>A patch that cannot be applied to the document it was given (RFC 6902 section 5: the whole patch fails).</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
