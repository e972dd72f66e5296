using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;

namespace GrpcExports.PowerShell.Completion;

/// <summary>
/// Completes project ids from the connected server: ids starting with what was typed among the most recently edited
/// projects, and projects whose title contains it. The menu shows titles; the id is what gets inserted.
/// </summary>
public sealed class ProjectIdCompleter : IArgumentCompleter
{
    private const int MostRecent = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = CompletionText.Typed(wordToComplete);
        var recent = List(new ProjectFilter(null, null));
        var byTitle = typed.Length == 0 ? [] : List(new ProjectFilter(null, typed));
        return recent.Where(project => project.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Concat(byTitle)
            .DistinctBy(project => project.Id)
            .Select(project => CompletionText.Result(project.Id, $"{project.Title} ({project.Id})",
                $"{project.Title} - folder '{project.Folder}', version {project.Version}, edited {project.UpdateTime:u}"))
            .ToList();
    }

    private static IReadOnlyList<GxProject> List(ProjectFilter filter) =>
        CompletionQuery.Run((session, cancellation) => session.ListProjectsAsync(filter, new PageRequest(MostRecent, ""), cancellation))?.Items ?? [];
}
