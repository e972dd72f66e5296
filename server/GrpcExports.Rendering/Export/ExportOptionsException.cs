namespace GrpcExports.Rendering.Export;

/// <summary>An export option is invalid; <see cref="Option"/> names it as the API spells it (<c>fps</c>, <c>watermark.pos_x</c>).</summary>
public sealed class ExportOptionsException(string option, string problem)
    : ArgumentException($"Export option '{option}' {problem}.", option)
{
    public string Option { get; } = option;
}
