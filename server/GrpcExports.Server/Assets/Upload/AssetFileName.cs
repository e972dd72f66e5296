namespace GrpcExports.Server.Assets.Upload;

/// <summary>
/// Checks an uploaded file's name: 1..255 characters, a plain name (no directory part, not "." or ".."), none of
/// &lt; &gt; : " / \ | ? * or control characters, and no trailing dot or space (which Windows drops).
/// </summary>
internal static class AssetFileName
{
    public const int MaxLength = 255;

    private static readonly char[] Illegal = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>Why <paramref name="name"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "A file name is required.";
        }
        if (name.Length > MaxLength)
        {
            return $"A file name has at most {MaxLength} characters; this one has {name.Length}.";
        }
        if (name is "." or "..")
        {
            return $"'{name}' is a directory reference, not a file name.";
        }
        var illegal = name.FirstOrDefault(c => char.IsControl(c) || Illegal.Contains(c));
        if (illegal != default)
        {
            return char.IsControl(illegal)
                ? $"A file name must not contain control characters (found U+{(int)illegal:X4})."
                : $"A file name must not contain '{illegal}' (none of < > : \" / \\ | ? * and no directory part).";
        }
        if (name.EndsWith('.') || name.EndsWith(' '))
        {
            return "A file name must not end with a dot or a space.";
        }
        return null;
    }
}
