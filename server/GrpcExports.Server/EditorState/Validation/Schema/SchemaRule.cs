using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>One rule of the editorState v1 JSON Schema, checking a value at the log's current path.</summary>
internal abstract class SchemaRule
{
    /// <summary>What a value that passes is, for messages ("an integer", "a string or null").</summary>
    public abstract string Expected { get; }

    /// <summary>Whether the value is of a JSON type this rule takes ("type"), before its other keywords are checked.</summary>
    public abstract bool TakesTypeOf(Value value);

    public abstract void Check(Value value, ViolationLog log);

    protected static void WrongType(Value value, ViolationLog log, string expected) =>
        log.Schema("type", $"{log.Path.Subject} must be {expected}; it is {JsonValues.Describe(value)}.");
}
