using System.Globalization;

namespace GrpcExports.Server.EditorState.Validation;

/// <summary>editorState v1 time: 240,000 ticks per second.</summary>
internal static class EditorStateTicks
{
    public const int PerSecond = 240_000;

    /// <summary>A tick count as people read it: "1.5 s (tick 360000)".</summary>
    public static string Describe(long ticks) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticks / (double)PerSecond:0.######} s (tick {ticks})");
}
