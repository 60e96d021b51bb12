using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Tests;

/// <summary>Small bridges to R for the value tests; call them on R's thread (inside REngine.Invoke).</summary>
internal static class RCode
{
    /// <summary>Evaluates <paramref name="code"/> and casts its typed wrapper.</summary>
    public static T Eval<T>(string code) where T : RObject => (T)REngine.Evaluate(code);

    /// <summary>Whether the R predicate <paramref name="predicate"/> of <c>x</c> holds for <paramref name="x"/>.</summary>
    public static bool Holds(string predicate, RObject x)
    {
        using var check = Eval<RFunction>($"function(x) isTRUE({predicate})");
        using var result = (RLogicalVector)check.Invoke(x);
        return result[0] == true;
    }
}
