using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>R's <c>NULL</c>.</summary>
public sealed class RNull : RObject
{
    internal RNull(Sexp cell) : base(cell) { }

    /// <summary>A wrapper of <c>NULL</c>, to pass where an R value is expected.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public static RNull Create()
    {
        RThread.Ensure();
        return new RNull(NativeHelpers.Keep(LibR.NilValue));
    }
}
