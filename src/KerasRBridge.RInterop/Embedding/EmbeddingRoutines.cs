using System.Runtime.InteropServices;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>Registers native routines with R's <c>(embedding)</c> DLL entry, where packages and
/// <c>.Call(..., PACKAGE = "(embedding)")</c> can find them.</summary>
internal static unsafe class EmbeddingRoutines
{
    [StructLayout(LayoutKind.Sequential)]
    private struct CallMethodDef
    {
        public nint Name;
        public nint Function;
        public int ArgumentCount;
    }

    private static readonly List<(string Name, nint Function, int Count)> Routines = [];

    internal static void Register(string name, nint function, int argumentCount)
    {
        Routines.RemoveAll(r => r.Name == name);
        Routines.Add((name, function, argumentCount));
        var getInfo = (delegate* unmanaged<nint>)Native.LibR.Variable("R_getEmbeddingDllInfo");
        var register = (delegate* unmanaged<nint, nint, CallMethodDef*, nint, nint, int>)Native.LibR.Variable("R_registerRoutines");
        // The names are never freed: a few bytes, and safe whether or not R copies them.
        var table = new CallMethodDef[Routines.Count + 1];
        for (int i = 0; i < Routines.Count; i++)
            table[i] = new CallMethodDef { Name = Marshal.StringToCoTaskMemUTF8(Routines[i].Name), Function = Routines[i].Function, ArgumentCount = Routines[i].Count };
        fixed (CallMethodDef* t = table) register(getInfo(), 0, t, 0, 0);
    }
}
