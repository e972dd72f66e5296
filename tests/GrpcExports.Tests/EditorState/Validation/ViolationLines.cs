using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.EditorState.Validation;

/// <summary>Violations as short lines for assertions: "keyword pointer" for the schema, "Kind pointer" for timeline rules.</summary>
internal static class ViolationLines
{
    public static string Of(EditorStateViolation violation) =>
        violation.Kind == ViolationKind.Schema ? $"{violation.SchemaKeyword} {violation.Path}" : $"{violation.Kind} {violation.Path}";
}
