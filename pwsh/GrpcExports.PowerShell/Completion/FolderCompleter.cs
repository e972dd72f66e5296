using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Completion;

/// <summary>Completes folder names from the folders of the most recently edited projects on the connected server.</summary>
public sealed class FolderCompleter : IArgumentCompleter
{
    private const int MostRecent = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = CompletionText.Typed(wordToComplete);
        var page = CompletionQuery.Run((session, cancellation) =>
            session.ListProjectsAsync(new ProjectFilter(null, null), new PageRequest(MostRecent, ""), cancellation));
        return (page?.Items ?? [])
            .Select(project => project.Folder)
            .Where(folder => folder.Length > 0 && folder.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(folder => CompletionText.Result(folder, folder, folder))
            .ToList();
    }
}
