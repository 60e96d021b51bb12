using System.Runtime.InteropServices;

namespace KerasRBridge.RInterop.Native;

/// <summary>
/// The functions and variables of libR that the binding uses directly: the ones that cannot
/// raise an R error (accessors) and the embedding calls made before any R code runs. Every
/// call that can raise an R error goes through <see cref="NativeHelpers"/> instead.
/// </summary>
/// <remarks>Resolved once per process from the <c>libR.so</c> already loaded (when R is the
/// host) or loaded here (when .NET is the host). Every symbol is named in
/// <see cref="Symbols"/>, which a test checks against R's API: a symbol R hides is a failure at
/// run time that no compiler reports.</remarks>
internal static unsafe class LibR
{
    /// <summary>
    /// Every libR symbol the binding resolves: R's API, plus the embedding interface a .NET host
    /// needs to start R and take over its console (listed, with the reason for each, in
    /// docs/interop.md, "R's API"). Nothing else can be resolved.
    /// </summary>
    internal static readonly string[] Symbols =
    [
        // API: accessors that cannot raise an R error.
        "TYPEOF", "Rf_xlength", "R_CHAR", "STRING_ELT", "SET_STRING_ELT", "VECTOR_ELT", "SET_VECTOR_ELT",
        "DATAPTR_OR_NULL", "R_ExternalPtrAddr", "R_ExternalPtrTag", "R_ExternalPtrProtected",
        "R_SetExternalPtrProtected", "R_set_altrep_data1", "CAR", "CDR", "TAG", "PRINTNAME", "Rf_isObject", "Rf_getAttrib",
        "Rf_getCharCE", "R_registerRoutines", "R_getEmbeddingDllInfo",
        // API: R's constants and its interrupt flag.
        "R_NilValue", "R_GlobalEnv", "R_BaseEnv", "R_NaString", "R_DimSymbol", "R_NamesSymbol",
        "R_ClassSymbol", "R_DimNamesSymbol", "R_MissingArg", "R_interrupts_pending",
        // Embedding interface.
        "Rf_initialize_R", "setup_Rmainloop", "Rf_endEmbeddedR", "R_ReplDLLinit", "R_ReplDLLdo1",
        "R_SignalHandlers", "R_CStackLimit", "R_CStackStart", "R_Interactive", "R_Outputfile", "R_Consolefile",
        "ptr_R_WriteConsole", "ptr_R_WriteConsoleEx", "ptr_R_ReadConsole",
    ];

    private static nint _library;

    // Plain field reads need no GC transition (SuppressGCTransition); calls that can reach an
    // ALTREP method (lengths, elements), and so R code, allocation and finalizers, keep it.
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, int> TypeOf;
    internal static delegate* unmanaged<Sexp, nint> XLength;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, byte*> Char;
    internal static delegate* unmanaged<Sexp, nint, Sexp> StringElt;
    internal static delegate* unmanaged<Sexp, nint, Sexp, void> SetStringElt;
    internal static delegate* unmanaged<Sexp, nint, Sexp> VectorElt;
    internal static delegate* unmanaged<Sexp, nint, Sexp, Sexp> SetVectorElt;
    internal static delegate* unmanaged<Sexp, void*> DataPtrOrNull;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, nint> ExternalPtrAddr;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp> ExternalPtrTag;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp> ExternalPtrProtected;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp, void> SetExternalPtrProtected;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp, void> SetAltrepData1;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp> Car;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp> Cdr;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp> Tag;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp> PrintName;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, int> IsObject;
    // Never allocates nor raises an R error for the attributes read with it (not names, not
    // row.names; never on a CHARSXP): see RValues.StoredAttribute.
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp, Sexp> GetAttrib;
    internal static delegate* unmanaged[SuppressGCTransition]<Sexp, int> CharEncoding;
    internal static delegate* unmanaged<int, byte**, int> InitializeR;
    internal static delegate* unmanaged<void> SetupMainLoop;
    internal static delegate* unmanaged<int, void> EndEmbeddedR;
    internal static delegate* unmanaged<int> ReplDllDo1;
    internal static delegate* unmanaged<void> ReplDllInit;

    /// <summary>Whether libR has been resolved in this process.</summary>
    internal static bool IsLoaded => _library != 0;

    /// <summary>The loader's handle of the libR in use.</summary>
    internal static nint Handle => _library;

    /// <summary>Finds and binds libR (idempotent).</summary>
    /// <param name="rHome">R's home folder, holding <c>lib/libR.so</c>.</param>
    internal static void Load(string rHome)
    {
        if (_library != 0) return;
        string path = Path.Combine(rHome, "lib", "libR.so");
        nint lib = NativeLibrary.Load(File.Exists(path) ? path : "libR.so");
        TypeOf = (delegate* unmanaged[SuppressGCTransition]<Sexp, int>)Get(lib, "TYPEOF");
        XLength = (delegate* unmanaged<Sexp, nint>)Get(lib, "Rf_xlength");
        Char = (delegate* unmanaged[SuppressGCTransition]<Sexp, byte*>)Get(lib, "R_CHAR");
        StringElt = (delegate* unmanaged<Sexp, nint, Sexp>)Get(lib, "STRING_ELT");
        SetStringElt = (delegate* unmanaged<Sexp, nint, Sexp, void>)Get(lib, "SET_STRING_ELT");
        VectorElt = (delegate* unmanaged<Sexp, nint, Sexp>)Get(lib, "VECTOR_ELT");
        SetVectorElt = (delegate* unmanaged<Sexp, nint, Sexp, Sexp>)Get(lib, "SET_VECTOR_ELT");
        DataPtrOrNull = (delegate* unmanaged<Sexp, void*>)Get(lib, "DATAPTR_OR_NULL");
        ExternalPtrAddr = (delegate* unmanaged[SuppressGCTransition]<Sexp, nint>)Get(lib, "R_ExternalPtrAddr");
        ExternalPtrTag = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp>)Get(lib, "R_ExternalPtrTag");
        ExternalPtrProtected = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp>)Get(lib, "R_ExternalPtrProtected");
        // Only the write barrier: it never allocates or calls back.
        SetExternalPtrProtected = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp, void>)Get(lib, "R_SetExternalPtrProtected");
        SetAltrepData1 = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp, void>)Get(lib, "R_set_altrep_data1");
        Car = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp>)Get(lib, "CAR");
        Cdr = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp>)Get(lib, "CDR");
        Tag = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp>)Get(lib, "TAG");
        PrintName = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp>)Get(lib, "PRINTNAME");
        IsObject = (delegate* unmanaged[SuppressGCTransition]<Sexp, int>)Get(lib, "Rf_isObject");
        GetAttrib = (delegate* unmanaged[SuppressGCTransition]<Sexp, Sexp, Sexp>)Get(lib, "Rf_getAttrib");
        CharEncoding = (delegate* unmanaged[SuppressGCTransition]<Sexp, int>)Get(lib, "Rf_getCharCE");
        InitializeR = (delegate* unmanaged<int, byte**, int>)Get(lib, "Rf_initialize_R");
        SetupMainLoop = (delegate* unmanaged<void>)Get(lib, "setup_Rmainloop");
        EndEmbeddedR = (delegate* unmanaged<int, void>)Get(lib, "Rf_endEmbeddedR");
        ReplDllInit = (delegate* unmanaged<void>)Get(lib, "R_ReplDLLinit");
        ReplDllDo1 = (delegate* unmanaged<int>)Get(lib, "R_ReplDLLdo1");
        _library = lib;
    }

    /// <summary>The address of a libR global variable (or function) named in <see cref="Symbols"/>.</summary>
    internal static nint Variable(string name) => Get(_library, name);

    private static nint Get(nint lib, string name)
    {
        if (Array.IndexOf(Symbols, name) < 0)
            throw new InvalidOperationException($"{name} is not among the libR symbols the binding declares (LibR.Symbols).");
        return NativeLibrary.TryGetExport(lib, name, out nint address)
            ? address
            : throw new EntryPointNotFoundException($"libR does not export {name}; this R version is not supported.");
    }

    /// <summary>R's <c>NULL</c>.</summary>
    internal static Sexp NilValue;
    /// <summary>The global environment.</summary>
    internal static Sexp GlobalEnv;
    /// <summary>The base environment.</summary>
    internal static Sexp BaseEnv;
    /// <summary>The character NA.</summary>
    internal static Sexp NaString;
    /// <summary>The symbol <c>dim</c>.</summary>
    internal static Sexp DimSymbol;
    /// <summary>The symbol <c>names</c>.</summary>
    internal static Sexp NamesSymbol;
    /// <summary>The symbol <c>class</c>.</summary>
    internal static Sexp ClassSymbol;
    /// <summary>The symbol <c>dimnames</c>.</summary>
    internal static Sexp DimNamesSymbol;
    /// <summary>The empty argument, as in <c>x[1, ]</c>.</summary>
    internal static Sexp MissingArg;

    /// <summary>Reads R's global constants; they exist only once R has been initialised.</summary>
    internal static void BindGlobals()
    {
        NilValue = Read("R_NilValue");
        GlobalEnv = Read("R_GlobalEnv");
        BaseEnv = Read("R_BaseEnv");
        NaString = Read("R_NaString");
        DimSymbol = Read("R_DimSymbol");
        NamesSymbol = Read("R_NamesSymbol");
        ClassSymbol = Read("R_ClassSymbol");
        DimNamesSymbol = Read("R_DimNamesSymbol");
        MissingArg = Read("R_MissingArg");
    }

    private static Sexp Read(string name) => *(Sexp*)Variable(name);
}
