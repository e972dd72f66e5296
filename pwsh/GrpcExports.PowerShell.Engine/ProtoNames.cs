using System.Text;

namespace GrpcExports.PowerShell.Engine;

internal static class ProtoNames
{
    /// <summary>A C# enum value's name as the contract spells it: FailedPrecondition becomes FAILED_PRECONDITION.</summary>
    public static string UpperSnake(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                result.Append('_');
            }
            result.Append(char.ToUpperInvariant(name[i]));
        }
        return result.ToString();
    }
}
