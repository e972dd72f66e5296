using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using GrpcExports.PowerShell.Engine;

namespace GrpcExports.PowerShell.Completion;

/// <summary>
/// Completes asset ids from the connected server's most recent uploads: ids starting with what was typed, and assets
/// whose file name contains it. The menu shows file names; the id is what gets inserted.
/// </summary>
public sealed class AssetIdCompleter : IArgumentCompleter
{
    private const int MostRecent = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = CompletionText.Typed(wordToComplete);
        var page = CompletionQuery.Run((session, cancellation) =>
            session.ListAssetsAsync(new AssetFilter(null, null), new PageRequest(MostRecent, ""), cancellation));
        return (page?.Items ?? [])
            .Where(asset => asset.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || (typed.Length > 0 && asset.FileName.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(asset => CompletionText.Result(asset.Id, $"{asset.FileName} ({asset.Id})",
                $"{asset.FileName} - {asset.Kind}, {asset.SizeBytes:N0} bytes, uploaded {asset.CreateTime:u}"))
            .ToList();
    }
}
