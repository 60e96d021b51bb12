using System.Numerics;
using System.Numerics.Tensors;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Conversion;

/// <summary>
/// Conversion between R atomic vectors/arrays and engine tensors. Dimensions keep R's order
/// (R <c>dim c(3, 4)</c> is shape <c>(3, 4)</c>); both sides store column-major, so data moves
/// in one vectorised pass without a transpose.
/// </summary>
public static unsafe class RArrays
{
    /// <summary>The Keras shape of an R value: its <c>dim</c>, else <c>(n)</c>, or <c>()</c> for a
    /// dimensionless length-one value.</summary>
    public static long[] ShapeOf(Sexp x)
    {
        using var dim = RObject.FromCell(NativeHelpers.GetAttrib(x, LibR.DimSymbol));
        if (dim.IsNull)
        {
            long n = LibR.XLength(x);
            return n == 1 ? [] : [n];
        }
        var dims = new ReadOnlySpan<int>(NativeHelpers.DataPtr(dim.Sexp), (int)dim.Length);
        var shape = new long[dims.Length];
        for (int i = 0; i < dims.Length; i++) shape[i] = dims[i];
        return shape;
    }

    /// <summary>Whether <paramref name="x"/> has a <c>dim</c> attribute (is an R array).</summary>
    public static bool HasDim(Sexp x)
    {
        using var dim = RObject.FromCell(NativeHelpers.GetAttrib(x, LibR.DimSymbol));
        return !dim.IsNull;
    }

    /// <summary>The dtype an R vector has on its own: double is float64, integer int32,
    /// logical bool, complex complex128, raw uint8.</summary>
    /// <exception cref="KerasTypeError">The value is not an atomic numeric or logical vector.</exception>
    public static DType NaturalDType(Sexp x) => RValues.TypeOf(x) switch
    {
        SexpType.Double => DType.Float64,
        SexpType.Integer => DType.Int32,
        SexpType.Logical => DType.Bool,
        SexpType.Complex => DType.Complex128,
        SexpType.Raw => DType.UInt8,
        _ => throw NotConvertible(x),
    };

    /// <summary>Whether <paramref name="x"/> is an R vector that can become a tensor.</summary>
    public static bool IsConvertible(Sexp x) => RValues.TypeOf(x) is SexpType.Double or SexpType.Integer
        or SexpType.Logical or SexpType.Complex or SexpType.Raw;

    /// <summary>Converts an R vector or array to a tensor of <paramref name="dtype"/>.</summary>
    /// <exception cref="KerasValueError">A value does not fit the dtype (NA into bool or an
    /// integer dtype other than int32 from integers, or out of range).</exception>
    public static NdArray ToNdArray(Sexp x, DType dtype)
    {
        long[] shape = ShapeOf(x);
        long n = LibR.XLength(x);
        void* data = n == 0 ? null : NativeHelpers.DataPtr(x);
        switch (RValues.TypeOf(x))
        {
            case SexpType.Double:
                return FromDoubles(new ReadOnlySpan<double>(data, checked((int)n)), shape, dtype);
            case SexpType.Integer:
                return FromIntegers(new ReadOnlySpan<int>(data, checked((int)n)), shape, dtype, isLogical: false);
            case SexpType.Logical:
                return FromIntegers(new ReadOnlySpan<int>(data, checked((int)n)), shape, dtype, isLogical: true);
            case SexpType.Complex:
                return Copy(new ReadOnlySpan<Complex>(data, checked((int)n)), shape).Cast(dtype);
            case SexpType.Raw:
                return Copy(new ReadOnlySpan<byte>(data, checked((int)n)), shape).Cast(dtype);
            default:
                throw NotConvertible(x);
        }
    }

    private static NdArray FromDoubles(ReadOnlySpan<double> source, long[] shape, DType dtype)
    {
        switch (dtype)
        {
            case DType.Float64:
                return Copy(source, shape);
            case DType.Float32:
                var floats = FreshArray<float>(source.Length);
                TensorPrimitives.ConvertTruncating(source, floats.AsSpan());
                return NdArray.FromColumnMajor(floats, shape);
        }
        if (DTypes.IsInteger(dtype)) CheckIntegerRange(source, dtype);
        else if (dtype == DType.Bool) CheckNoNaN(source);
        return Copy(source, shape).Cast(dtype);
    }

    private static NdArray FromIntegers(ReadOnlySpan<int> source, long[] shape, DType dtype, bool isLogical)
    {
        bool hasNa = source.Contains(RValues.NaInteger);
        if (hasNa && (dtype == DType.Bool || (DTypes.IsInteger(dtype) && (isLogical || dtype != DType.Int32))))
            throw new KerasValueError(
                $"Cannot convert an R {(isLogical ? "logical" : "integer")} value containing NA to dtype {DTypes.Name(dtype)}: {DTypes.Name(dtype)} has no missing value.");
        if (dtype == DType.Int32 && !isLogical) return Copy(source, shape);
        if (dtype == DType.Bool && isLogical)
        {
            var flags = FreshArray<bool>(source.Length);
            for (int i = 0; i < source.Length; i++) flags[i] = source[i] != 0;
            return NdArray.FromColumnMajor(flags, shape);
        }
        if (hasNa && DTypes.IsFloat(dtype))
        {
            var doubles = FreshArray<double>(source.Length);
            for (int i = 0; i < source.Length; i++)
                doubles[i] = source[i] == RValues.NaInteger ? RValues.NaReal : source[i];
            return NdArray.FromColumnMajor(doubles, shape).Cast(dtype);
        }
        if (DTypes.IsInteger(dtype))
        {
            var (min, max) = IntegerRange(dtype);
            foreach (int v in source)
                if (v < min || v > max) throw OutOfRange(v, dtype);
        }
        return Copy(source, shape).Cast(dtype);
    }

    private static void CheckIntegerRange(ReadOnlySpan<double> source, DType dtype)
    {
        var (min, max) = IntegerRange(dtype);
        foreach (double v in source)
        {
            if (double.IsNaN(v))
                throw new KerasValueError($"Cannot convert NA or NaN to dtype {DTypes.Name(dtype)}: integer dtypes have no missing value.");
            if (v < min || v > max) throw OutOfRange(v, dtype);
        }
    }

    private static void CheckNoNaN(ReadOnlySpan<double> source)
    {
        foreach (double v in source)
            if (double.IsNaN(v))
                throw new KerasValueError("Cannot convert NA or NaN to dtype bool: bool has no missing value.");
    }

    /// <summary>The values an integer dtype can hold, as doubles (exact for every bound but
    /// the 64-bit maxima, which round up, so the comparison stays strict enough).</summary>
    private static (double Min, double Max) IntegerRange(DType dtype) => dtype switch
    {
        DType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DType.Int16 => (short.MinValue, short.MaxValue),
        DType.Int32 => (int.MinValue, int.MaxValue),
        DType.Int64 => (long.MinValue, Math.BitDecrement((double)long.MaxValue)),
        DType.UInt8 => (byte.MinValue, byte.MaxValue),
        DType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        DType.UInt32 => (uint.MinValue, uint.MaxValue),
        _ => (ulong.MinValue, Math.BitDecrement((double)ulong.MaxValue)),
    };

    private static KerasValueError OutOfRange(double value, DType dtype)
    {
        var (min, max) = IntegerRange(dtype);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return new($"Value {value.ToString("R", c)} is out of range for dtype {DTypes.Name(dtype)} ([{min.ToString("R", c)}, {max.ToString("R", c)}]).");
    }

    private static NdArray Copy<T>(ReadOnlySpan<T> source, long[] shape) where T : unmanaged
    {
        var data = FreshArray<T>(source.Length);
        source.CopyTo(data);
        return NdArray.FromColumnMajor(data, shape);
    }

    /// <summary>An array every element of which the caller writes, on huge pages when large.</summary>
    private static T[] FreshArray<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        fixed (T* p = array) FreshMemory.PreferHugePages(p, (long)length * sizeof(T));
        return array;
    }

    private static KerasTypeError NotConvertible(Sexp x) => new(
        $"Cannot convert {RValues.Describe(x)} to a tensor: expected a numeric, integer, logical, complex or raw vector or array.");

    /// <summary>Converts a tensor to a new R vector: an array with <c>dim</c> for rank 1 and up,
    /// a plain length-one vector for a scalar. float64, int32, bool and complex128 convert
    /// bit-exactly; other floats and wide integers become doubles, narrow integers integers.</summary>
    public static RObject ToR(NdArray array)
    {
        RObject result = array.DType switch
        {
            DType.Float64 => Fill(SexpType.Double, array.AsSpan<double>()),
            DType.Float32 => FromFloats(array.AsSpan<float>()),
            DType.Int32 => Fill(SexpType.Integer, array.AsSpan<int>()),
            DType.Bool => FromBools(array.AsSpan<bool>()),
            DType.Complex128 => Fill(SexpType.Complex, array.AsSpan<Complex>()),
            DType.Complex64 => Fill(SexpType.Complex, array.Cast(DType.Complex128).AsSpan<Complex>()),
            DType.Int8 or DType.Int16 or DType.UInt8 or DType.UInt16 => Fill(SexpType.Integer, array.Cast(DType.Int32).AsSpan<int>()),
            _ => Fill(SexpType.Double, array.Cast(DType.Float64).AsSpan<double>()),
        };
        if (array.Rank >= 1)
        {
            try { SetDim(result, array.ShapeSpan); }
            catch { result.Dispose(); throw; }
        }
        return result;
    }

    /// <summary>Sets the <c>dim</c> attribute of <paramref name="target"/> to <paramref name="shape"/>.</summary>
    public static void SetDim(RObject target, ReadOnlySpan<long> shape)
    {
        var dims = new int[shape.Length];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = shape[i] <= int.MaxValue ? (int)shape[i] : throw new KerasValueError(
                $"Dimension {shape[i]} of shape {NdArray.FormatShape(shape)} is too large for an R array (at most {int.MaxValue}).");
        using var dim = RValues.Integers(dims);
        NativeHelpers.SetAttrib(target.Sexp, LibR.DimSymbol, dim.Sexp);
    }

    private static RObject Fill<T>(SexpType type, ReadOnlySpan<T> source) where T : unmanaged
    {
        var vector = RValues.Allocate(type, source.Length);
        if (source.Length == 0) return vector;
        void* data = NativeHelpers.DataPtr(vector.Sexp);
        FreshMemory.PreferHugePages(data, (long)source.Length * sizeof(T));
        source.CopyTo(new Span<T>(data, source.Length));
        return vector;
    }

    private static RObject FromFloats(ReadOnlySpan<float> source)
    {
        var vector = RValues.Allocate(SexpType.Double, source.Length);
        if (source.Length == 0) return vector;
        void* data = NativeHelpers.DataPtr(vector.Sexp);
        FreshMemory.PreferHugePages(data, (long)source.Length * sizeof(double));
        TensorPrimitives.ConvertTruncating(source, new Span<double>(data, source.Length));
        return vector;
    }

    private static RObject FromBools(ReadOnlySpan<bool> source)
    {
        var vector = RValues.Allocate(SexpType.Logical, source.Length);
        var target = new Span<int>(NativeHelpers.DataPtr(vector.Sexp), source.Length);
        for (int i = 0; i < source.Length; i++) target[i] = source[i] ? 1 : 0;
        return vector;
    }
}
