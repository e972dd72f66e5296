using System.Text.RegularExpressions;
using Google.Rpc;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Admin;

/// <summary>The checks of a new key's fields, shared by CreateApiKey and the server's `keys create` command.</summary>
internal static partial class ApiKeyFields
{
    public const int MaxLength = 64;

    /// <summary>Every problem of the fields, as field violations named after the request's fields.</summary>
    public static List<BadRequest.Types.FieldViolation> Violations(string userId, string name, AccessTier tier, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (UserIdViolation(userId) is { } userProblem)
        {
            violations.Add(Violation("user_id", userProblem));
        }
        if (name.Trim().Length == 0 || name.Length > MaxLength || name.Any(char.IsControl))
        {
            violations.Add(Violation("name", $"A key's name is 1 to {MaxLength} characters without control characters."));
        }
        if (tier is not (AccessTier.Basic or AccessTier.Runtime or AccessTier.Admin))
        {
            violations.Add(Violation("tier", "The tier is ACCESS_TIER_BASIC, ACCESS_TIER_RUNTIME or ACCESS_TIER_ADMIN."));
        }
        if (expiresAt is { } expiry && expiry <= now)
        {
            violations.Add(Violation("expire_time", "The expiry time must be in the future."));
        }
        return violations;
    }

    /// <summary>What is wrong with a user id, or null when it is fine.</summary>
    public static string? UserIdViolation(string userId) => UserIdPattern().IsMatch(userId)
        ? null
        : $"A user id is 1 to {MaxLength} letters, digits, '.', '_' and '-'.";

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = field, Description = description, Reason = "INVALID" };

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex UserIdPattern();
}
