using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Server.Projects.History;

/// <summary>RFC 6902 operations as the contract's JsonPatchOperation messages.</summary>
internal static class PatchMessages
{
    public static JsonPatchOperation ToMessage(PatchOperation operation) => new()
    {
        Op = operation.Op switch
        {
            "add" => JsonPatchOp.Add,
            "remove" => JsonPatchOp.Remove,
            "replace" => JsonPatchOp.Replace,
            "move" => JsonPatchOp.Move,
            "copy" => JsonPatchOp.Copy,
            "test" => JsonPatchOp.Test,
            _ => throw new InvalidOperationException($"Unknown JSON Patch operation '{operation.Op}'."),
        },
        Path = operation.Path,
        From = operation.From ?? "",
        Value = operation.Op is "add" or "replace" or "test"
            ? JsonParser.Default.Parse<Value>(operation.Value?.ToJsonString() ?? "null")
            : null,
    };
}
