using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Server.Limits.EditorState;

namespace GrpcExports.Server.Projects;

/// <summary>Checks of ProjectService request fields: ids, title, description, folder and the editor state.</summary>
internal static class ProjectRequests
{
    public const int MaxTitleLength = 128;
    public const int MaxDescriptionLength = 2000;
    public const int MaxFolderLength = 128;
    public const string DefaultTitle = "Untitled project";

    /// <summary>A blank valid document: 1920x1080, 16:9, one empty track.</summary>
    public const string BlankEditorState = """
        {"compositionWidth":1920,"compositionHeight":1080,"timebaseTicksPerSecond":240000,"outputRatio":"16:9","tracks":[{"id":"track-1","items":[],"hidden":false,"muted":false}],"assets":{},"items":{},"transitions":{}}
        """;

    public static Guid ProjectId(string value, string field = "project_id")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Errors.ProductErrors.MissingField(field, "A project id is required.");
        }
        return Guid.TryParseExact(value, "D", out var id)
            ? id
            : throw ProjectErrors.InvalidRequest(field, $"'{Shorten(value)}' is not a project id (a UUID such as 0b6c2f0e-5a53-4a8e-9d3c-2f1c7d5e8a10).");
    }

    public static readonly string FolderIdRule = $"A folder id has at most {MaxFolderLength} characters of letters, digits, space, '.', '_' and '-'.";

    /// <summary>Whether <paramref name="folderId"/> is a folder id ("" is none): see <see cref="FolderIdRule"/>.</summary>
    public static bool IsFolderId(string folderId) =>
        folderId.Length <= MaxFolderLength && folderId.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '-');

    /// <summary>The title, description and folder of a new project, checked; the title defaults when empty.</summary>
    public static (string Title, string Description, string FolderId) Metadata(string title, string description, string folderId, string prefix)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (title.Length > MaxTitleLength)
        {
            violations.Add(Violation(prefix + "title", $"The title has {title.Length} characters; at most {MaxTitleLength} are allowed."));
        }
        if (title.Any(char.IsControl))
        {
            violations.Add(Violation(prefix + "title", "The title must not contain control characters."));
        }
        if (description.Length > MaxDescriptionLength)
        {
            violations.Add(Violation(prefix + "description",
                $"The description has {description.Length} characters; at most {MaxDescriptionLength} are allowed."));
        }
        // Line breaks and tabs belong in a description; other control characters (NUL above all, which PostgreSQL text
        // cannot hold) do not.
        if (description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            violations.Add(Violation(prefix + "description", "The description must not contain control characters other than line breaks and tabs."));
        }
        if (!IsFolderId(folderId))
        {
            violations.Add(Violation(prefix + "folder_id", FolderIdRule));
        }
        if (violations.Count > 0)
        {
            throw ProjectErrors.InvalidRequest(violations);
        }
        return (title.Trim().Length == 0 ? DefaultTitle : title, description, folderId);
    }

    /// <summary>
    /// The document's stored JSON text, or the refusal of a document over a limit (checked first: it is cheaper) or one that
    /// breaks the schema or a timeline rule (INVALID_EDITOR_STATE).
    /// </summary>
    public static string EditorState(Struct document, string field, EditorStateLimits limits)
    {
        limits.Check(document, field);
        var report = EditorStateValidator.Validate(document);
        if (!report.Valid)
        {
            throw ProjectErrors.InvalidEditorState(field, report.Violations);
        }
        return EditorStateJson.Write(document);
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = field, Description = description, Reason = "INVALID" };

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
