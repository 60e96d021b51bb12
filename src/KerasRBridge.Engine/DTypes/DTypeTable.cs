using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// The dtypes, declared once each: name, element type (and from it size and kind), and the
/// dtype arithmetic runs in. Every per-dtype decision of the engine is read from here or made
/// through <see cref="DTypeVisitor"/>, which dispatches through these rows.
/// </summary>
internal static class DTypeTable
{
    // In the order of DType's values, which native code relies on. float16 comes before
    // bfloat16 so that the 16-bit float found by kind and size is IEEE's, as NumPy's is.
    // The file codes are the ones NumPy's .npy headers and the safetensors header write
    // (little-endian); a null code is a dtype the format has no word for.
    private static readonly DTypeRow[] Rows =
    [
        new FloatRow<Half>(DType.Float16, "float16", computedAs: DType.Float32) { NumPyDescr = "<f2", SafetensorsCode = "F16" },
        new BFloat16Row(DType.BFloat16, "bfloat16", computedAs: DType.Float32) { NumPyDescr = null, SafetensorsCode = "BF16" },
        new FloatRow<float>(DType.Float32, "float32") { NumPyDescr = "<f4", SafetensorsCode = "F32" },
        new FloatRow<double>(DType.Float64, "float64") { NumPyDescr = "<f8", SafetensorsCode = "F64" },
        new IntegerRow<sbyte>(DType.Int8, "int8") { NumPyDescr = "|i1", SafetensorsCode = "I8" },
        new IntegerRow<short>(DType.Int16, "int16") { NumPyDescr = "<i2", SafetensorsCode = "I16" },
        new IntegerRow<int>(DType.Int32, "int32") { NumPyDescr = "<i4", SafetensorsCode = "I32" },
        new IntegerRow<long>(DType.Int64, "int64") { NumPyDescr = "<i8", SafetensorsCode = "I64" },
        new IntegerRow<byte>(DType.UInt8, "uint8") { NumPyDescr = "|u1", SafetensorsCode = "U8" },
        new IntegerRow<ushort>(DType.UInt16, "uint16") { NumPyDescr = "<u2", SafetensorsCode = "U16" },
        new IntegerRow<uint>(DType.UInt32, "uint32") { NumPyDescr = "<u4", SafetensorsCode = "U32" },
        new IntegerRow<ulong>(DType.UInt64, "uint64") { NumPyDescr = "<u8", SafetensorsCode = "U64" },
        new BoolRow(DType.Bool, "bool") { NumPyDescr = "|b1", SafetensorsCode = "BOOL" },
        new Complex64Row(DType.Complex64, "complex64", computedAs: DType.Complex128) { NumPyDescr = "<c8", SafetensorsCode = "C64" },
        new Complex128Row(DType.Complex128, "complex128") { NumPyDescr = "<c16", SafetensorsCode = null },
    ];

    /// <summary>Every row, in the order of <see cref="DType"/>'s values.</summary>
    public static IReadOnlyList<DTypeRow> All => Rows;

    /// <summary>The row of <paramref name="dtype"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a dtype.</exception>
    public static DTypeRow Row(DType dtype) => (uint)dtype < (uint)Rows.Length
        ? Rows[(int)dtype]
        : throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Not a dtype.");

    /// <summary>The first dtype in the table of <paramref name="kind"/> whose elements take <paramref name="elementSize"/> bytes.</summary>
    /// <exception cref="ArgumentException">There is none.</exception>
    public static DType Find(DTypeKind kind, int elementSize) =>
        Array.Find(Rows, row => row.Kind == kind && row.ElementSize == elementSize)?.DType
        ?? throw new ArgumentException($"No {kind} dtype has {elementSize}-byte elements.");

    /// <summary>The dtype named <paramref name="name"/> exactly, if there is one.</summary>
    public static bool TryFind(string name, out DType dtype) => TryFind(row => row.Name == name, out dtype);

    /// <summary>The dtype whose elements are of <paramref name="elementType"/>, if there is one.</summary>
    public static bool TryFind(Type elementType, out DType dtype) => TryFind(row => row.ElementType == elementType, out dtype);

    /// <summary>The dtype whose elements are <typeparamref name="T"/>, or <c>null</c>.</summary>
    public static DType? Of<T>() where T : unmanaged => ElementDType<T>.Value;

    /// <summary>The real dtype of the parts of a complex dtype's elements; any other dtype itself.</summary>
    public static DType RealPart(DType dtype)
    {
        var row = Row(dtype);
        return row.Kind == DTypeKind.Complex ? Find(DTypeKind.Float, row.ElementSize / 2) : dtype;
    }

    private static bool TryFind(Predicate<DTypeRow> match, out DType dtype)
    {
        var row = Array.Find(Rows, match);
        dtype = row?.DType ?? default;
        return row is not null;
    }

    // Looked up once per element type, so that generic code pays a static read, not a search.
    private static class ElementDType<T> where T : unmanaged
    {
        public static readonly DType? Value = TryFind(typeof(T), out var dtype) ? dtype : null;
    }
}
