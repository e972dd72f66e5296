namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// The easings the editor state names: <c>linear</c>, <c>ease-in</c>, <c>ease-out</c>, <c>ease-in-out</c> (the spelling of
/// transitions, clip animations and caption animations in the schema) and <c>hold</c> for keyframes.
/// </summary>
public enum Easing
{
    Linear,
    EaseIn,
    EaseOut,
    EaseInOut,

    /// <summary>Keeps the starting value for the whole segment and jumps at its end (a step).</summary>
    Hold,
}

public static class EasingCurves
{
    // The CSS Easing Functions Level 1 definitions of the named curves: cubic Béziers from (0,0) to (1,1).
    private static readonly CubicBezier In = new(0.42, 0, 1, 1);
    private static readonly CubicBezier Out = new(0, 0, 0.58, 1);
    private static readonly CubicBezier InOut = new(0.42, 0, 0.58, 1);

    /// <summary>The eased progress for linear progress <paramref name="t"/> (clamped to 0..1).</summary>
    public static double Apply(Easing easing, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return easing switch
        {
            Easing.Linear => t,
            Easing.EaseIn => In.Evaluate(t),
            Easing.EaseOut => Out.Evaluate(t),
            Easing.EaseInOut => InOut.Evaluate(t),
            Easing.Hold => t >= 1 ? 1 : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(easing), easing, null),
        };
    }

    /// <summary>Reads the editor state's spelling; null for a name it does not know.</summary>
    public static Easing? Parse(string? name) => name switch
    {
        "linear" => Easing.Linear,
        "ease-in" => Easing.EaseIn,
        "ease-out" => Easing.EaseOut,
        "ease-in-out" => Easing.EaseInOut,
        "hold" => Easing.Hold,
        _ => null,
    };

    /// <summary>A CSS <c>cubic-bezier(x1, y1, x2, y2)</c> timing function: solves x(s) = t for s, returns y(s).</summary>
    private sealed class CubicBezier(double x1, double y1, double x2, double y2)
    {
        // Polynomial coefficients of x(s) and y(s) = a s^3 + b s^2 + c s.
        private readonly double _ax = 1 + 3 * x1 - 3 * x2, _bx = 3 * x2 - 6 * x1, _cx = 3 * x1;
        private readonly double _ay = 1 + 3 * y1 - 3 * y2, _by = 3 * y2 - 6 * y1, _cy = 3 * y1;

        public double Evaluate(double t)
        {
            if (t <= 0 || t >= 1)
            {
                return t <= 0 ? 0 : 1;
            }
            return Y(SolveForParameter(t));
        }

        private double X(double s) => ((_ax * s + _bx) * s + _cx) * s;

        private double Y(double s) => ((_ay * s + _by) * s + _cy) * s;

        private double XDerivative(double s) => (3 * _ax * s + 2 * _bx) * s + _cx;

        private double SolveForParameter(double t)
        {
            // Newton's method converges in a few steps where the curve is not flat; bisection is the safe fallback
            // (x(s) is monotonic on [0, 1] for every control point with x in [0, 1]).
            var s = t;
            for (var i = 0; i < 8; i++)
            {
                var error = X(s) - t;
                if (Math.Abs(error) < 1e-12)
                {
                    return s;
                }
                var slope = XDerivative(s);
                if (Math.Abs(slope) < 1e-9)
                {
                    break;
                }
                s -= error / slope;
            }
            double low = 0, high = 1;
            s = t;
            for (var i = 0; i < 60 && high - low > 1e-13; i++)
            {
                if (X(s) < t)
                {
                    low = s;
                }
                else
                {
                    high = s;
                }
                s = (low + high) / 2;
            }
            return s;
        }
    }
}
