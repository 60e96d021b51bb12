using System.Numerics;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Conversion;

/// <summary>
/// Conversion between R atomic vectors/arrays and engine tensors. Dimensions keep R's order
/// (R <c>dim c(3, 4)</c> is shape <c>(3, 4)</c>); both sides store column-major, so data moves
/// in one vectorised pass without a transpose.
/// </summary>
public static unsafe class RArrays
{
    /// <summary>The Keras shape of an R value: its <c>dim</c>, else <c>(n)</c>, or <c>()</c> for a
    /// dimensionless length-one value.</summary>
    /// <exception cref="KerasValueError">The <c>dim</c> attribute is not a vector of non-negative
    /// integers whose product is the vector's length (an object edited or unserialized by hand).</exception>
    public static long[] ShapeOf(Sexp x)
    {
        // `dim` is always stored, never computed, so it is read without a guarded R call (the
        // per-call cost of a small assign).
        Sexp dim = RValues.StoredAttribute(x, RValues.DimSymbol);
        long length = RValues.LengthOf(x);
        if (RValues.IsNull(dim)) return length == 1 ? [] : [length];
        if (RValues.TypeOf(dim) != SexpType.Integer)
            throw new KerasValueError($"The dim attribute of the R array must be an integer vector. Received: a {RValues.RTypeName(RValues.TypeOf(dim))} vector.");
        var dims = new ReadOnlySpan<int>(RValues.DataOf(dim), (int)RValues.LengthOf(dim));
        var shape = new long[dims.Length];
        long product = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0)
                throw new KerasValueError($"The dim attribute of the R array must hold non-negative integers. Received: dim=c({DimText(dims)}).");
            shape[i] = dims[i];
            product = product > 0 && dims[i] > long.MaxValue / product ? long.MaxValue : product * dims[i];
        }
        if (product != length)
            throw new KerasValueError(
                $"The dim attribute of the R array does not match its length: dim=c({DimText(dims)}) makes {product} elements, " +
                $"but the vector has {length}.");
        return shape;
    }

    private static string DimText(ReadOnlySpan<int> dims)
    {
        var parts = new string[dims.Length];
        for (int i = 0; i < dims.Length; i++) parts[i] = dims[i] == RValues.NaInteger ? "NA" : dims[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(", ", parts);
    }

    /// <summary>Whether <paramref name="x"/> has a <c>dim</c> attribute (is an R array).</summary>
    public static bool HasDim(Sexp x) => !RValues.IsNull(RValues.StoredAttribute(x, RValues.DimSymbol));

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
    public static bool IsConvertible(Sexp x) => RValues.TypeOf(x) is (SexpType.Double or SexpType.Integer
        or SexpType.Logical or SexpType.Complex or SexpType.Raw) && !IsCodedValue(x);

    // Factors, dates and times are numbers in R only as codes: keras3 hands a factor to Keras as
    // text and a date as a datetime (reticulate's r_to_py), neither of which a tensor holds.
    private static readonly string[] CodedClasses = ["factor", "Date", "POSIXct", "difftime"];

    /// <summary>Whether <paramref name="x"/> is a factor, date, time or time difference: numbers in R only as codes.</summary>
    internal static bool IsCodedValue(Sexp x) => RValues.IsObject(x) && RValues.ClassOf(x).Intersect(CodedClasses).Any();

    /// <summary>Converts an R vector or array to a tensor of <paramref name="dtype"/>.</summary>
    /// <exception cref="KerasValueError">A value does not fit the dtype (NA into bool or an
    /// integer dtype other than int32 from integers, or out of range).</exception>
    /// <exception cref="KerasMemoryError">The tensor would be too large.</exception>
    public static NdArray ToNdArray(Sexp x, DType dtype)
    {
        if (!IsConvertible(x)) throw NotConvertible(x);
        long[] shape = ShapeOf(x);
        // Checked before R is asked for the data, which for a compact sequence such as 1:3e9
        // would expand it in memory first.
        int n = NdArray.StorageLength(shape, dtype);
        void* data = n == 0 ? null : RValues.DataOf(x);
        return RValues.TypeOf(x) switch
        {
            SexpType.Double => FromDoubles(new ReadOnlySpan<double>(data, n), shape, dtype),
            SexpType.Integer => FromIntegers(new ReadOnlySpan<int>(data, n), shape, dtype, isLogical: false),
            SexpType.Logical => FromIntegers(new ReadOnlySpan<int>(data, n), shape, dtype, isLogical: true),
            SexpType.Complex => FromComplex(new ReadOnlySpan<Complex>(data, n), shape, dtype),
            _ => Copy(new ReadOnlySpan<byte>(data, n), shape).Cast(dtype),
        };
    }

    private static NdArray FromDoubles(ReadOnlySpan<double> source, long[] shape, DType dtype)
    {
        switch (dtype)
        {
            case DType.Float64:
                return Copy(source, shape);
            case DType.Float32:
                var floats = FreshStorage<float>(shape);
                Interruption.ConvertTruncating(source, floats.GetSpan());
                return new NdArray<float>(floats, shape);
        }
        if (DTypes.IsInteger(dtype)) DTypes.RequireRepresentable(source, dtype);
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
            var flags = FreshStorage<bool>(shape);
            var target = flags.GetSpan();
            for (int i = 0; i < source.Length; i++) target[i] = source[i] != 0;
            return new NdArray<bool>(flags, shape);
        }
        if (hasNa && DTypes.IsComplex(dtype))
        {
            // R's complex NA as as.complex(NA) makes it since R 4.4: NA real part, zero imaginary part.
            var numbers = FreshStorage<Complex>(shape);
            var target = numbers.GetSpan();
            for (int i = 0; i < source.Length; i++)
                target[i] = source[i] == RValues.NaInteger ? new Complex(RValues.NaReal, 0) : source[i];
            return new NdArray<Complex>(numbers, shape).Cast(dtype);
        }
        if (hasNa && DTypes.IsFloat(dtype))
        {
            var doubles = FreshStorage<double>(shape);
            var target = doubles.GetSpan();
            for (int i = 0; i < source.Length; i++)
                target[i] = source[i] == RValues.NaInteger ? RValues.NaReal : source[i];
            return new NdArray<double>(doubles, shape).Cast(dtype);
        }
        if (DTypes.IsInteger(dtype))
        {
            var (min, max) = DTypes.IntegerRange(dtype);
            foreach (int v in source)
                if (v < min || v > max) DTypes.RequireRepresentable([v], dtype);
        }
        return Copy(source, shape).Cast(dtype);
    }

    /// <summary>Complex values: into a real dtype, their real parts (with NumPy's warning); into
    /// an integer dtype or bool, NA is refused as it is for doubles.</summary>
    private static NdArray FromComplex(ReadOnlySpan<Complex> source, long[] shape, DType dtype)
    {
        if (DTypes.IsInteger(dtype))
        {
            var realParts = new double[source.Length];
            for (int i = 0; i < source.Length; i++)
                realParts[i] = double.IsNaN(source[i].Imaginary) ? double.NaN : source[i].Real;
            DTypes.RequireRepresentable(realParts, dtype);
        }
        else if (dtype == DType.Bool)
        {
            foreach (var z in source)
                if (double.IsNaN(z.Real) || double.IsNaN(z.Imaginary))
                    throw new KerasValueError("Cannot convert NA or NaN to dtype bool: bool has no missing value.");
        }
        return Copy(source, shape).Cast(dtype);
    }

    /// <summary>
    /// <paramref name="tensor"/> in <paramref name="dtype"/>, with the checks R's doubles meet on
    /// the way in: no NaN into bool or an integer dtype, integers in range (a cast would wrap them).
    /// </summary>
    /// <exception cref="KerasValueError">A value does not fit the dtype.</exception>
    public static NdArray CastChecked(NdArray tensor, DType dtype)
    {
        bool narrowing = tensor.DType != dtype && (DTypes.IsFloat(tensor.DType) || DTypes.IsInteger(tensor.DType))
            && (DTypes.IsInteger(dtype) || dtype == DType.Bool);
        if (narrowing)
        {
            var values = tensor.Cast(DType.Float64).AsSpan<double>();
            if (dtype == DType.Bool) CheckNoNaN(values);
            else DTypes.RequireRepresentable(values, dtype);
        }
        return tensor.Cast(dtype);
    }

    private static void CheckNoNaN(ReadOnlySpan<double> source)
    {
        foreach (double v in source)
            if (double.IsNaN(v))
                throw new KerasValueError("Cannot convert NA or NaN to dtype bool: bool has no missing value.");
    }

    private static NdArray Copy<T>(ReadOnlySpan<T> source, long[] shape) where T : unmanaged
    {
        var data = FreshStorage<T>(shape);
        Interruption.Copy(source, data.GetSpan());
        return new NdArray<T>(data, shape);
    }

    /// <summary>Storage every element of which the caller writes (R memory when large; see
    /// <see cref="TensorMemory"/>), on huge pages when large.</summary>
    private static TensorStorage<T> FreshStorage<T>(long[] shape) where T : unmanaged
    {
        var storage = TensorMemory.Allocate<T>(shape);
        var span = storage.GetSpan();
        fixed (T* p = span) FreshMemory.PreferHugePages(p, (long)span.Length * sizeof(T));
        return storage;
    }

    private static KerasTypeError NotConvertible(Sexp x) => new(IsCodedValue(x)
        ? $"Cannot convert {RValues.Describe(x)} to a tensor: its numbers are codes (keras3 passes it to Keras as text or a " +
          "datetime, which no tensor holds). Convert it first: as.integer() for a factor's codes, as.numeric() for days or seconds."
        : $"Cannot convert {RValues.Describe(x)} to a tensor: expected a numeric, integer, logical, complex or raw vector or array.");

    /// <summary>Converts a tensor to a new R vector: an array with <c>dim</c> for rank 1 and up,
    /// a plain length-one vector for a scalar. float64, int32, bool and complex128 convert
    /// bit-exactly; other floats and wide integers become doubles, narrow integers integers.</summary>
    /// <exception cref="KerasMemoryError">R cannot allocate the vector; R goes on.</exception>
    public static RObject ToR(NdArray array)
    {
        SexpType type = RTypeOf(array.DType);
        RObject vector = Allocate(type, array);
        try
        {
            if (array.Size > 0) Write(array, RValues.DataOf(vector.Sexp));
            if (array.Rank >= 1) SetDim(vector, array.ShapeSpan);
            return vector;
        }
        catch
        {
            vector.Dispose();
            throw;
        }
    }

    /// <summary>The R type <see cref="ToR"/> gives a tensor of <paramref name="dtype"/>.</summary>
    public static SexpType RTypeOf(DType dtype) => dtype switch
    {
        DType.Int32 or DType.Int8 or DType.Int16 or DType.UInt8 or DType.UInt16 => SexpType.Integer,
        DType.Bool => SexpType.Logical,
        DType.Complex128 or DType.Complex64 => SexpType.Complex,
        _ => SexpType.Double,
    };

    private static RObject Allocate(SexpType type, NdArray array)
    {
        try { return RValues.Allocate(type, array.Size); }
        catch (InsufficientMemoryException e)
        {
            throw new KerasMemoryError(
                $"Unable to allocate {KerasMemoryError.FormatBytes((double)array.Size * RValues.ElementBytes(type))} for an R {RValues.RTypeName(type)} array " +
                $"with shape {NdArray.FormatShape(array.ShapeSpan)}: {e.Message}");
        }
    }

    /// <summary>Writes the elements of <paramref name="array"/> into a fresh R vector of its R type.</summary>
    private static void Write(NdArray array, void* data)
    {
        int n = (int)array.Size;
        switch (array.DType)
        {
            case DType.Float64:
                WriteCopy(array.AsSpan<double>(), data);
                break;
            case DType.Float32:
                FreshMemory.PreferHugePages(data, (long)n * sizeof(double));
                Interruption.ConvertTruncating(array.AsSpan<float>(), new Span<double>(data, n));
                break;
            case DType.Int32:
                WriteCopy(array.AsSpan<int>(), data);
                break;
            case DType.Bool:
                var flags = array.AsSpan<bool>();
                var target = new Span<int>(data, n);
                for (int i = 0; i < n; i++) target[i] = flags[i] ? 1 : 0;
                break;
            case DType.Complex128:
                WriteCopy(array.AsSpan<Complex>(), data);
                break;
            case DType.Complex64:
                WriteCopy(array.Cast(DType.Complex128).AsSpan<Complex>(), data);
                break;
            case DType.Int8 or DType.Int16 or DType.UInt8 or DType.UInt16:
                WriteCopy(array.Cast(DType.Int32).AsSpan<int>(), data);
                break;
            default:
                WriteCopy(array.Cast(DType.Float64).AsSpan<double>(), data);
                break;
        }
    }

    private static void WriteCopy<T>(ReadOnlySpan<T> source, void* data) where T : unmanaged
    {
        FreshMemory.PreferHugePages(data, (long)source.Length * sizeof(T));
        Interruption.Copy(source, new Span<T>(data, source.Length));
    }

    /// <summary>Sets the <c>dim</c> attribute of <paramref name="target"/> to <paramref name="shape"/>.</summary>
    public static void SetDim(RObject target, ReadOnlySpan<long> shape)
    {
        var dims = new int[shape.Length];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = shape[i] <= int.MaxValue ? (int)shape[i] : throw new KerasValueError(
                $"Dimension {shape[i]} of shape {NdArray.FormatShape(shape)} is too large for an R array (at most {int.MaxValue}).");
        using var dim = RValues.Integers(dims);
        RValues.SetAttribute(target.Sexp, RValues.DimSymbol, dim.Sexp);
    }
}
