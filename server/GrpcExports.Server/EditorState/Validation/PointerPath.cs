using System.Text;

namespace GrpcExports.Server.EditorState.Validation;

/// <summary>
/// Where the validator is in the document, kept as a stack of property names and array indexes so that walking costs
/// nothing; it becomes an RFC 6901 JSON Pointer only when a violation is reported.
/// </summary>
internal sealed class PointerPath
{
    private readonly List<(string? Name, int Index)> _segments = new(16);

    public void Push(string name) => _segments.Add((name, -1));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>The pointer with <paramref name="child"/> appended, without changing the path.</summary>
    public string ToString(string child) => ToString() + "/" + Escape(child);

    /// <summary>What the value here is called in a sentence: its property name, or "entry 2 of tracks".</summary>
    public string Subject
    {
        get
        {
            if (_segments.Count == 0)
            {
                return "the document";
            }
            var (name, index) = _segments[^1];
            if (name is not null)
            {
                return name;
            }
            var parent = _segments.Count > 1 ? _segments[^2].Name ?? "the list" : "the list";
            return $"entry {index} of {parent}";
        }
    }

    public override string ToString()
    {
        var pointer = new StringBuilder();
        foreach (var (name, index) in _segments)
        {
            pointer.Append('/');
            if (name is null)
            {
                pointer.Append(index);
            }
            else
            {
                pointer.Append(Escape(name));
            }
        }
        return pointer.ToString();
    }

    /// <summary>RFC 6901: '~' becomes "~0" and '/' becomes "~1".</summary>
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Of(params object[] tokens) =>
        string.Concat(tokens.Select(token => "/" + (token is string name ? Escape(name) : token.ToString())));
}
