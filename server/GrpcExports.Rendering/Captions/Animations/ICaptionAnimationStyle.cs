namespace GrpcExports.Rendering.Captions.Animations;

/// <summary>
/// One named caption animation: changes a frame's <see cref="CaptionScene"/> for <c>progress</c>, 0 where the
/// animation starts away from rest (an <c>in</c> animation's first frame, an <c>out</c> animation's last) and 1 at rest.
/// A <c>loop</c> animation runs its progress from 0 to 1 over and over (<c>looping</c>).
/// </summary>
public interface ICaptionAnimationStyle
{
    void Apply(CaptionScene scene, double progress, bool looping);
}
