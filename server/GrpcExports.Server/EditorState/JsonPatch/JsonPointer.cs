namespace GrpcExports.Server.EditorState.JsonPatch;

/// <summary>RFC 6901 JSON Pointers: "/a/b" with '~' written "~0" and '/' written "~1" inside a token.</summary>
internal static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The unescaped reference tokens of <paramref name="pointer"/> ("" is the whole document: no tokens).</summary>
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (pointer[0] != '/')
        {
            throw new JsonPatchException($"'{pointer}' is not a JSON Pointer: it must be empty or start with '/'.");
        }
        return pointer[1..].Split('/').Select(Unescape).ToArray();
    }
}
