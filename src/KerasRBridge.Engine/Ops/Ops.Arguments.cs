using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary><paramref name="x"/>, refused when null: for ops written as one expression,
    /// which would otherwise read it first and throw a <see cref="NullReferenceException"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    private static T Given<T>(T? x, [CallerArgumentExpression(nameof(x))] string? name = null) where T : class =>
        x ?? throw new ArgumentNullException(name);

    /// <summary><paramref name="xs"/>, refused when it or one of its tensors is null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="xs"/> or an element is null.</exception>
    private static IReadOnlyList<NdArray> GivenAll(IReadOnlyList<NdArray>? xs, [CallerArgumentExpression(nameof(xs))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(xs, name);
        for (int i = 0; i < xs.Count; i++)
            if (xs[i] is null) throw new ArgumentNullException(name, $"Element {i} of `{name}` is null.");
        return xs;
    }
}
