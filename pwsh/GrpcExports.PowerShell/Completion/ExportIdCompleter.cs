using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Completion;

/// <summary>
/// Completes export ids from the connected server's most recent exports: ids starting with what was typed, and exports
/// whose name contains it. The menu shows names and statuses; the id is what gets inserted.
/// </summary>
public sealed class ExportIdCompleter : IArgumentCompleter
{
    private const int MostRecent = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = CompletionText.Typed(wordToComplete);
        var page = CompletionQuery.Run((session, cancellation) =>
            session.ListExportsAsync(new ExportFilter(null, null, [], null, null, null), new PageRequest(MostRecent, ""), cancellation));
        return (page?.Items ?? [])
            .Where(export => export.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || (typed.Length > 0 && export.Name.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(export => CompletionText.Result(export.Id, $"{export.Name} ({export.Status}, {export.Id})",
                $"{export.Name} - {export.Status}, {export.Options}, created {export.CreateTime:u}"))
            .ToList();
    }
}
