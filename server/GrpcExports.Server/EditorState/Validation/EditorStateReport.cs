using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation;

/// <summary>What <see cref="EditorStateValidator"/> found, in a stable order: unstorable numbers, schema, timeline rules.</summary>
/// <param name="Storable">False when the document holds numbers JSON cannot hold, so it could not even be given back.</param>
internal sealed record EditorStateReport(IReadOnlyList<EditorStateViolation> Violations, bool Storable)
{
    public bool Valid => Violations.All(violation => violation.Severity != ViolationSeverity.Error);
}
