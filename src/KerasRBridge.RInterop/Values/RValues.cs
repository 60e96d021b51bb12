using System.Runtime.InteropServices;
using System.Text;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// Making and reading plain R values (scalars, character vectors, lists, symbols). Every
/// method must be called on R's thread; allocation failures surface as
/// <see cref="RUnwindException"/> (for vectors of a megabyte or more, as
/// <see cref="InsufficientMemoryException"/> with R's message, R going on).
/// </summary>
public static unsafe class RValues
{
    /// <summary>R's integer NA (<c>NA_integer_</c>).</summary>
    public const int NaInteger = int.MinValue;

    /// <summary>The bit pattern of R's <c>NA_real_</c> (a NaN with payload 1954).</summary>
    public const long NaRealBits = 0x7FF00000000007A2;

    /// <summary>R's <c>NA_real_</c>.</summary>
    public static double NaReal => BitConverter.Int64BitsToDouble(NaRealBits);

    /// <summary>Whether <paramref name="value"/> is R's <c>NA_real_</c> rather than another NaN.</summary>
    public static bool IsNaReal(double value) => double.IsNaN(value) && (BitConverter.DoubleToInt64Bits(value) & 0xFFFFFFFF) == 1954;

    /// <summary>A fresh vector of <paramref name="type"/>, protected.</summary>
    public static RObject Allocate(SexpType type, long length) => RObject.FromCell(NativeHelpers.AllocVector(type, length));

    /// <summary>A length-one character vector (<c>NA</c> for null).</summary>
    public static RObject String(string? value) => value is null ? Strings([value]) : RObject.Typed(NativeHelpers.ScalarString(value));

    /// <summary>A character vector; null elements become <c>NA</c>.</summary>
    public static RObject Strings(IReadOnlyList<string?> values) => RCharacterVector.Create(values);

    /// <summary>Stores one element of a character vector; null stores <c>NA</c>.</summary>
    public static void SetString(Sexp vector, long index, string? value)
    {
        if (value is null)
        {
            LibR.SetStringElt(vector, (nint)index, LibR.NaString);
            return;
        }
        Sexp cell = NativeHelpers.MkCharUtf8(value);
        LibR.SetStringElt(vector, (nint)index, LibR.Tag(cell));
        NativeHelpers.Release(cell);
    }

    /// <summary>A length-one double vector.</summary>
    public static RObject Double(double value) => RDoubleVector.Create([value]);

    /// <summary>A double vector.</summary>
    public static RObject Doubles(ReadOnlySpan<double> values) => RDoubleVector.Create(values);

    /// <summary>A length-one integer vector.</summary>
    public static RObject Integer(int value) => RIntegerVector.Create([value]);

    /// <summary>An integer vector.</summary>
    public static RObject Integers(ReadOnlySpan<int> values) => RIntegerVector.Create(values);

    /// <summary>A length-one logical vector; null is <c>NA</c>.</summary>
    public static RObject Logical(bool? value) => RLogicalVector.Create([value]);

    /// <summary>A list of the given elements, named when <paramref name="names"/> is given.</summary>
    public static RObject List(IReadOnlyList<RObject> elements, IReadOnlyList<string?>? names = null) => RList.Create(elements, names);

    /// <summary>The name of an R symbol.</summary>
    public static string SymbolName(Sexp symbol) => Marshal.PtrToStringUTF8((nint)LibR.Char(LibR.PrintName(symbol))) ?? "";

    /// <summary>The symbol of the given name (symbols are never collected).</summary>
    public static Sexp Symbol(string name) => NativeHelpers.Install(name);

    /// <summary>Sets an attribute of <paramref name="target"/>.</summary>
    public static void SetAttribute(Sexp target, string name, RObject value) =>
        NativeHelpers.SetAttrib(target, Symbol(name), value.Sexp);

    /// <summary>Reads an attribute (R's <c>NULL</c> when absent).</summary>
    public static RObject GetAttribute(Sexp target, string name) =>
        RObject.FromCell(NativeHelpers.GetAttrib(target, Symbol(name)));

    /// <summary>R's <c>NULL</c>.</summary>
    public static Sexp NilValue => LibR.NilValue;

    /// <summary>The global environment.</summary>
    public static Sexp GlobalEnv => LibR.GlobalEnv;

    /// <summary>Runs R's garbage collector (a full collection), and with it the finalizers of
    /// the objects it frees.</summary>
    public static void CollectGarbage() => NativeHelpers.Collect();

    /// <summary>The R objects .NET currently protects.</summary>
    public static long ProtectedCount => NativeHelpers.KeptCount;

    /// <summary>The symbol <c>dim</c>.</summary>
    public static Sexp DimSymbol => LibR.DimSymbol;

    /// <summary>The bytes of one element of an R vector of <paramref name="type"/>.</summary>
    public static int ElementBytes(SexpType type) => type switch
    {
        SexpType.Raw => 1,
        SexpType.Logical or SexpType.Integer => 4,
        SexpType.Complex => 16,
        _ => 8,
    };

    /// <summary>Sets an attribute of <paramref name="target"/> (R may raise an error, which unwinds as <see cref="RUnwindException"/>).</summary>
    public static void SetAttribute(Sexp target, Sexp symbol, Sexp value) => NativeHelpers.SetAttrib(target, symbol, value);

    /// <summary>The R type of <paramref name="x"/>.</summary>
    public static SexpType TypeOf(Sexp x) => (SexpType)LibR.TypeOf(x);

    /// <summary>The length of <paramref name="x"/>.</summary>
    public static long LengthOf(Sexp x) => LibR.XLength(x);

    /// <summary>Whether <paramref name="x"/> is R's <c>NULL</c>.</summary>
    public static bool IsNull(Sexp x) => x == LibR.NilValue;

    /// <summary>Element <paramref name="index"/> of a character vector; null for <c>NA</c>. A
    /// string in R's native encoding or declared UTF-8 or latin1 reads as the text it holds.</summary>
    /// <exception cref="ArgumentException">The string is declared as bytes, or is not valid in the
    /// encoding it declares.</exception>
    public static string? StringAt(Sexp vector, long index)
    {
        Sexp ch = LibR.StringElt(vector, (nint)index);
        if (ch == LibR.NaString) return null;
        byte* text = LibR.Char(ch);
        var bytes = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text);
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xff) < 0) return Encoding.ASCII.GetString(bytes);
        return LibR.CharEncoding(ch) switch
        {
            CeLatin1 => Encoding.Latin1.GetString(bytes),
            CeBytes => throw new ArgumentException(
                "A string marked as bytes (Encoding(x) == \"bytes\") has no text to read; declare its encoding, e.g. with iconv(x, \"latin1\", \"UTF-8\")."),
            // UTF-8, or native in the UTF-8 locales R runs in here.
            _ => Utf8(bytes),
        };
    }

    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
        try { return Utf8Strict.GetString(bytes); }
        catch (DecoderFallbackException)
        {
            throw new ArgumentException(
                "A string is not valid UTF-8 (it may be in another encoding); convert it with enc2utf8() or iconv(x, from, \"UTF-8\").");
        }
    }

    private const int CeLatin1 = 2, CeBytes = 3;

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Element <paramref name="index"/> of a list.</summary>
    public static Sexp ElementAt(Sexp list, long index) => LibR.VectorElt(list, (nint)index);

    /// <summary>Sets element <paramref name="index"/> of a list; allocates nothing.</summary>
    public static void SetElementAt(Sexp list, long index, Sexp value) => LibR.SetVectorElt(list, (nint)index, value);

    /// <summary>The names of a list or vector (empty strings where unnamed). Names that are not
    /// a character vector of the vector's length (which only C code or a damaged stream read by
    /// unserialize can set) count as none.</summary>
    public static string?[] NamesOf(Sexp x)
    {
        using var names = RObject.FromCell(NativeHelpers.GetAttrib(x, LibR.NamesSymbol));
        var result = new string?[LengthOf(x)];
        if (names.IsNull || names.Type != SexpType.Character || names.Length != result.Length) return result;
        for (int i = 0; i < result.Length; i++) result[i] = StringAt(names.Sexp, i);
        return result;
    }

    /// <summary>The class attribute as strings (empty when there is none).</summary>
    public static string[] ClassOf(Sexp x)
    {
        using var cls = RObject.FromCell(NativeHelpers.GetAttrib(x, LibR.ClassSymbol));
        if (cls.IsNull || cls.Type != SexpType.Character) return [];
        var result = new string[cls.Length];
        for (int i = 0; i < result.Length; i++) result[i] = StringAt(cls.Sexp, i) ?? "NA";
        return result;
    }

    /// <summary>Whether <paramref name="x"/> has a class attribute (R's <c>OBJECT</c> bit).</summary>
    public static bool IsObject(Sexp x) => LibR.IsObject(x) != 0;

    /// <summary>
    /// An attribute as stored on <paramref name="x"/> (<c>NULL</c> when absent), read with R's
    /// <c>getAttrib</c> outside the guarded path: cheap enough for every call. Only for the
    /// attributes R stores as they are: <c>names</c> (which R computes for pairlists) and
    /// <c>row.names</c> (compact in data frames) allocate, so they go through
    /// <see cref="NativeHelpers.GetAttrib"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is <c>names</c>.</exception>
    public static Sexp StoredAttribute(Sexp x, Sexp symbol)
    {
        if (symbol == LibR.NamesSymbol) throw new ArgumentException("names may be computed; read them with NativeHelpers.GetAttrib.", nameof(symbol));
        return LibR.GetAttrib(x, symbol);
    }

    /// <summary>Element data of an atomic vector, expanding ALTREP objects when needed.</summary>
    public static void* DataOf(Sexp x) => NativeHelpers.DataPtr(x);

    /// <summary>Describes an R value for error messages, as R users would name it.</summary>
    public static string Describe(Sexp x)
    {
        var type = TypeOf(x);
        string[] cls = ClassOf(x);
        string kind = cls.Length > 0 ? string.Join("/", cls) : RTypeName(type);
        return IsNull(x) ? "NULL" : $"<{kind}> of length {LengthOf(x)}";
    }

    /// <summary>R's name for a <see cref="SexpType"/> (as <c>typeof()</c> prints it).</summary>
    public static string RTypeName(SexpType type) => type switch
    {
        SexpType.Nil => "NULL",
        SexpType.Double => "double",
        SexpType.Integer => "integer",
        SexpType.Logical => "logical",
        SexpType.Character => "character",
        SexpType.Complex => "complex",
        SexpType.Raw => "raw",
        SexpType.List => "list",
        SexpType.Closure => "closure",
        SexpType.Builtin => "builtin",
        SexpType.Special => "special",
        SexpType.Environment => "environment",
        SexpType.ExternalPointer => "externalptr",
        SexpType.Symbol => "symbol",
        SexpType.Language => "language",
        SexpType.S4 => "S4",
        _ => type.ToString().ToLowerInvariant(),
    };
}
