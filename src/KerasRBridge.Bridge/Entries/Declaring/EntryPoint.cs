using KerasRBridge.Bridge.Results;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries.Declaring;

/// <summary>Runs an entry point on its protected R arguments.</summary>
internal delegate EntryResult EntryBody(ReadOnlySpan<Sexp> args);

/// <summary>An entry point R calls by <paramref name="name"/> with <paramref name="arity"/>
/// arguments (<c>.Call(krb_callN, "name", ...)</c>); <paramref name="makeBody"/> makes its body
/// when it is first called.</summary>
internal sealed class EntryPoint(string name, int arity, Func<EntryBody> makeBody)
{
    private EntryBody? _body;

    /// <summary>The name R code calls the entry point by.</summary>
    internal string Name => name;

    /// <summary>How many arguments it takes.</summary>
    internal int Arity => arity;

    /// <summary>What runs a call; made once, on R's thread (where every call runs).</summary>
    internal EntryBody Body => _body ??= makeBody();
}
