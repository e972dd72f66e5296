using Google.Rpc;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Requests;

/// <summary>Checks of CreateExportRequest's plain fields: name, client_task_id, webhook_url and the project version.</summary>
internal static class CreateExportFields
{
    public const int MaxNameLength = 128;
    public const int MaxClientTaskIdLength = 128;
    public const int MaxWebhookUrlLength = 1024;

    /// <summary>Every problem with the request's plain fields, each naming its field.</summary>
    public static List<BadRequest.Types.FieldViolation> Violations(CreateExportRequest request)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (request.SourceCase == CreateExportRequest.SourceOneofCase.EditorState && request.ProjectVersion != 0)
        {
            violations.Add(Violation("project_version", "A stateless export (editor_state) has no project version; leave it 0."));
        }
        if (request.ProjectVersion < 0)
        {
            violations.Add(Violation("project_version", "A project version is 1 or more (0 means the latest)."));
        }
        if (request.Name.Length > MaxNameLength || request.Name.Any(char.IsControl))
        {
            violations.Add(Violation("name", $"A name has at most {MaxNameLength} characters and no control characters."));
        }
        if (request.ClientTaskId.Length > MaxClientTaskIdLength || !request.ClientTaskId.All(c => c is >= '!' and <= '~'))
        {
            violations.Add(Violation("client_task_id", $"A client task id has at most {MaxClientTaskIdLength} visible ASCII characters (no spaces)."));
        }
        if (request.WebhookUrl.Length > 0 && (request.WebhookUrl.Length > MaxWebhookUrlLength
            || !Uri.TryCreate(request.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            violations.Add(Violation("webhook_url", $"A webhook URL is an absolute http(s) URL of at most {MaxWebhookUrlLength} characters."));
        }
        return violations;
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = field, Description = description, Reason = "INVALID" };
}
