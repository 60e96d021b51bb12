using KerasRBridge.Bridge.Results;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries.Declaring;

/// <summary>Runs an entry point on its protected R arguments.</summary>
internal delegate EntryResult EntryBody(ReadOnlySpan<Sexp> args);

/// <summary>An entry point R calls by <paramref name="Name"/> with <paramref name="Arity"/>
/// arguments (<c>.Call(krb_callN, "name", ...)</c>).</summary>
internal sealed record EntryPoint(string Name, int Arity, EntryBody Body);
