using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState.Validation.Schema;
using GrpcExports.Server.EditorState.Validation.Timeline;

namespace GrpcExports.Server.EditorState.Validation;

/// <summary>
/// Checks an editor state against everything the server requires: numbers JSON can hold, the Indream editorState v1
/// schema, and the timeline rules. Walks the Struct as sent; nothing is converted or copied.
/// </summary>
internal static class EditorStateValidator
{
    public static EditorStateReport Validate(Struct document)
    {
        var log = new ViolationLog();
        var storable = UnwritableValues.Check(document, log);
        EditorStateSchema.Document.Check(Value.ForStruct(document), log);
        TimelineRules.Check(document, log);
        return new EditorStateReport(log.Violations, storable);
    }
}
