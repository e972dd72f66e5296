namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>The caption animations by their names in the document.</summary>
public static class CaptionAnimationStyles
{
    private static readonly Dictionary<string, ICaptionAnimationStyle> ByName = new(StringComparer.Ordinal)
    {
        ["converge"] = new Converge(),
        ["elastic-pop"] = new ElasticPop(),
        ["typewriter"] = new Typewriter(),
        ["lay-down"] = new LayDown(),
        ["center-type-out"] = new CenterTypeOut(),
        ["curtain-close"] = new CurtainClose(),
        ["jitter"] = new Jitter(),
        ["rainbow"] = new Rainbow(),
        ["sweep-shine"] = new SweepShine(),
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The animation called <paramref name="name"/>, or null for a name this renderer does not know.</summary>
    public static ICaptionAnimationStyle? For(string name) => ByName.GetValueOrDefault(name);
}
