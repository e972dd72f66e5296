using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Completion;

/// <summary>
/// Completes version numbers of the project named by the command's -Id (given literally on the command line), newest
/// first, each with its event type and summary.
/// </summary>
public sealed class ProjectVersionCompleter : IArgumentCompleter
{
    private const int Newest = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (ProjectId(fakeBoundParameters) is not { } id)
        {
            return [];
        }
        var typed = CompletionText.Typed(wordToComplete);
        var page = CompletionQuery.Run((session, cancellation) =>
            session.ListProjectHistoryAsync(id, oldestFirst: false, new PageRequest(Newest, ""), cancellation));
        return (page?.Items ?? [])
            .Select(projectEvent => (Version: projectEvent.Version.ToString(CultureInfo.InvariantCulture), projectEvent))
            .Where(entry => entry.Version.StartsWith(typed, StringComparison.Ordinal))
            .Select(entry => CompletionText.Result(entry.Version, $"{entry.Version} {entry.projectEvent.Type}",
                $"{entry.projectEvent.Type}: {entry.projectEvent.Summary}"))
            .ToList();
    }

    /// <summary>-Id when it is a literal id; Get-GxProject's -Id takes several, the first counts.</summary>
    private static string? ProjectId(IDictionary bound) =>
        (bound.Contains("Id") ? bound["Id"] : null) switch
        {
            string id when id.Length > 0 => id,
            object[] { Length: > 0 } ids when ids[0] is string first => first,
            _ => null,
        };
}
