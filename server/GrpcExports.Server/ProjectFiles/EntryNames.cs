namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// Whether an archive entry's name is a plain relative path that stays inside the archive's root wherever it is
/// extracted: no absolute path, drive or UNC prefix, no backslash, no empty, "." or ".." segment, no control characters.
/// </summary>
internal static class EntryNames
{
    /// <summary>Why <paramref name="name"/> is unsafe, or null when it is a plain relative path.</summary>
    public static string? UnsafeReason(string name)
    {
        if (name.Length == 0)
        {
            return "an entry has an empty name";
        }
        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && name[1] == ':'))
        {
            return "the name is an absolute path";
        }
        if (name.Contains('\\'))
        {
            return "the name contains a backslash";
        }
        if (name.Any(char.IsControl))
        {
            return "the name contains control characters";
        }
        // A trailing '/' marks a directory entry; every other segment must be a real name.
        var segments = name.TrimEnd('/').Split('/');
        return segments.Any(segment => segment is "" or "." or "..") ? "the name climbs out of the archive or has empty segments" : null;
    }
}
