using System.Reflection;

namespace KerasRBridge.Bridge.Entries.Declaring;

/// <summary>A parameter of an entry point's lambda: the name its errors give, and whether R's
/// <c>NULL</c> is allowed (a nullable reference type).</summary>
internal sealed record Parameter(string Name, bool AllowsNull)
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The parameters of <paramref name="body"/>, in order.</summary>
    internal static Parameter[] Of(Delegate body) => Array.ConvertAll(body.Method.GetParameters(), p =>
        new Parameter(p.Name ?? throw new InvalidOperationException($"An entry point's parameter has no name ({body.Method})."),
                      Nullability.Create(p).ReadState == NullabilityState.Nullable));
}
