namespace KerasRBridge.RInterop.Native;

/// <summary>
/// A raw pointer to an R object (C's <c>SEXP</c>). It is only valid while something protects
/// the object; code outside the native layer holds <see cref="Values.RObject"/> instead.
/// </summary>
public readonly record struct Sexp(nint Pointer)
{
    /// <summary>The C null pointer (not R's <c>NULL</c>, which is <see cref="LibR.NilValue"/>).</summary>
    public static readonly Sexp Zero = new(0);

    /// <summary>Whether this is the C null pointer.</summary>
    public bool IsZero => Pointer == 0;
}

/// <summary>R's <c>SEXPTYPE</c> codes for the types the binding handles.</summary>
public enum SexpType
{
    /// <summary><c>NULL</c>.</summary>
    Nil = 0,
    /// <summary>A symbol.</summary>
    Symbol = 1,
    /// <summary>A pairlist node.</summary>
    Pairlist = 2,
    /// <summary>A closure (an R function).</summary>
    Closure = 3,
    /// <summary>An environment.</summary>
    Environment = 4,
    /// <summary>A promise.</summary>
    Promise = 5,
    /// <summary>A call (language object).</summary>
    Language = 6,
    /// <summary>A special primitive function.</summary>
    Special = 7,
    /// <summary>A builtin primitive function.</summary>
    Builtin = 8,
    /// <summary>An element of a character vector.</summary>
    Char = 9,
    /// <summary>A logical vector.</summary>
    Logical = 10,
    /// <summary>An integer vector.</summary>
    Integer = 13,
    /// <summary>A double vector.</summary>
    Double = 14,
    /// <summary>A complex vector.</summary>
    Complex = 15,
    /// <summary>A character vector.</summary>
    Character = 16,
    /// <summary>A list (generic vector).</summary>
    List = 19,
    /// <summary>An expression vector.</summary>
    Expression = 20,
    /// <summary>An external pointer.</summary>
    ExternalPointer = 22,
    /// <summary>A raw vector.</summary>
    Raw = 24,
    /// <summary>An S4 object that is not a basic type.</summary>
    S4 = 25,
}
