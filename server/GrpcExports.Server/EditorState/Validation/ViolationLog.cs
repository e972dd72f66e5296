using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.EditorState.Validation;

/// <summary>The violations found so far, in the order they were found, and where the schema walk currently is.</summary>
internal sealed class ViolationLog
{
    private readonly List<EditorStateViolation> _violations = [];

    public PointerPath Path { get; } = new();

    public IReadOnlyList<EditorStateViolation> Violations => _violations;

    /// <summary>A schema violation at the current path (or at its <paramref name="child"/> property).</summary>
    public void Schema(string keyword, string message, string? child = null) => _violations.Add(new EditorStateViolation
    {
        Path = child is null ? Path.ToString() : Path.ToString(child),
        Kind = ViolationKind.Schema,
        SchemaKeyword = keyword,
        Severity = ViolationSeverity.Error,
        Message = message,
    });

    /// <summary>A schema-like violation found by a timeline rule, at <paramref name="path"/> (a value the schema leaves
    /// open but the format restricts, such as a transition's <c>params.direction</c>).</summary>
    public void SchemaAt(string path, string keyword, string message) => _violations.Add(new EditorStateViolation
    {
        Path = path,
        Kind = ViolationKind.Schema,
        SchemaKeyword = keyword,
        Severity = ViolationSeverity.Error,
        Message = message,
    });

    /// <summary>A timeline rule's violation at <paramref name="path"/>, with the other places it involves.</summary>
    public void Timeline(ViolationKind kind, string path, string message, params string[] relatedPaths) => _violations.Add(new EditorStateViolation
    {
        Path = path,
        Kind = kind,
        Severity = ViolationSeverity.Error,
        Message = message,
        RelatedPaths = { relatedPaths },
    });
}
