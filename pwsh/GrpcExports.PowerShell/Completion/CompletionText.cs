using System.Management.Automation;

namespace GrpcExports.PowerShell.Completion;

/// <summary>What the user typed so far, and values written back so that PowerShell reads them as one argument.</summary>
internal static class CompletionText
{
    /// <summary>The typed word without the quote it may have been opened with.</summary>
    public static string Typed(string wordToComplete) => wordToComplete.Trim('\'', '"');

    public static CompletionResult Result(string value, string listItemText, string toolTip) =>
        new(Quoted(value), listItemText, CompletionResultType.ParameterValue, string.IsNullOrEmpty(toolTip) ? value : toolTip);

    private static string Quoted(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
