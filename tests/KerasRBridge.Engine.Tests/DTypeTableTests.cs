using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine.Tests;

/// <summary>Every dtype is declared once, in the table, and everything else agrees with it.</summary>
public class DTypeTableTests
{
    private static IEnumerable<DType> AllDTypes => Enum.GetValues<DType>();

    private readonly struct ElementTypeOf : IDTypeVisitor<(Type Type, int Size, DType DType)>
    {
        public (Type, int, DType) Visit<T>() where T : unmanaged => (typeof(T), Unsafe.SizeOf<T>(), NdArray.DTypeOf<T>());
    }

    private readonly struct KindOf : IDTypeKindVisitor<string>
    {
        public string Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => $"float {typeof(T).Name}";
        public string Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => $"integer {typeof(T).Name}";
        public string BFloat16() => "bfloat16";
        public string Complex64() => "complex64";
        public string Complex128() => "complex128";
        public string Bool() => "bool";
    }

    [Test]
    public void The_table_has_one_row_per_dtype_in_the_order_of_the_enum_values()
    {
        Assert.That(DTypeTable.All.Select(row => row.DType), Is.EqualTo(AllDTypes));
        Assert.That(AllDTypes.Select(d => (int)d), Is.EqualTo(Enumerable.Range(0, 15)), "native code numbers the dtypes 0 to 14");
    }

    [Test]
    public void Every_dtype_round_trips_through_the_visitor_and_DTypeOf()
    {
        foreach (DType dtype in AllDTypes)
        {
            var (type, size, back) = DTypeVisitor.Accept<ElementTypeOf, (Type, int, DType)>(dtype, default);
            Assert.That(type, Is.EqualTo(DTypes.ElementType(dtype)), DTypes.Name(dtype));
            Assert.That(size, Is.EqualTo(DTypes.ElementSize(dtype)), DTypes.Name(dtype));
            Assert.That(back, Is.EqualTo(dtype), DTypes.Name(dtype));
        }
    }

    [Test]
    public void Every_name_round_trips_through_TryParse()
    {
        foreach (DType dtype in AllDTypes)
        {
            Assert.That(DTypes.TryParse(DTypes.Name(dtype), out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(dtype));
        }
        Assert.That(DTypes.TryParse("float", out _), Is.False);
    }

    [Test]
    public void The_kind_visitor_reaches_the_member_of_each_dtypes_kind()
    {
        var kinds = AllDTypes.Select(d => DTypeVisitor.AcceptKind<KindOf, string>(d, default));
        Assert.That(kinds, Is.EqualTo(new[]
        {
            "float Half", "bfloat16", "float Single", "float Double",
            "integer SByte", "integer Int16", "integer Int32", "integer Int64",
            "integer Byte", "integer UInt16", "integer UInt32", "integer UInt64",
            "bool", "complex64", "complex128",
        }));
    }

    [Test]
    public void Kinds_classify_the_dtypes_as_the_DTypes_predicates_do()
    {
        foreach (DType dtype in AllDTypes)
        {
            var kind = DTypeTable.Row(dtype).Kind;
            Assert.That(kind == DTypeKind.Float, Is.EqualTo(DTypes.IsFloat(dtype)), DTypes.Name(dtype));
            Assert.That(kind is DTypeKind.SignedInteger or DTypeKind.UnsignedInteger, Is.EqualTo(DTypes.IsInteger(dtype)), DTypes.Name(dtype));
            Assert.That(kind == DTypeKind.UnsignedInteger, Is.EqualTo(DTypes.IsUnsigned(dtype)), DTypes.Name(dtype));
            Assert.That(kind == DTypeKind.Complex, Is.EqualTo(DTypes.IsComplex(dtype)), DTypes.Name(dtype));
        }
    }

    [Test]
    public void Narrow_floats_are_computed_in_float32_and_complex64_in_complex128()
    {
        var computed = AllDTypes.Where(d => NumericDispatch.ComputeDType(d) != d).ToDictionary(d => d, NumericDispatch.ComputeDType);
        Assert.That(computed, Is.EqualTo(new Dictionary<DType, DType>
        {
            [DType.Float16] = DType.Float32,
            [DType.BFloat16] = DType.Float32,
            [DType.Complex64] = DType.Complex128,
        }));
    }

    [Test]
    public void A_dtype_found_by_kind_and_size_is_the_first_declared()
    {
        Assert.That(DTypeTable.Find(DTypeKind.Float, 2), Is.EqualTo(DType.Float16));
        Assert.That(DTypeTable.Find(DTypeKind.UnsignedInteger, 4), Is.EqualTo(DType.UInt32));
        Assert.Throws<ArgumentException>(() => DTypeTable.Find(DTypeKind.Complex, 4));
    }

    [Test]
    public void The_parts_of_complex_numbers_are_the_float_of_half_their_size()
    {
        Assert.That(DTypeTable.RealPart(DType.Complex64), Is.EqualTo(DType.Float32));
        Assert.That(DTypeTable.RealPart(DType.Complex128), Is.EqualTo(DType.Float64));
        Assert.That(DTypeTable.RealPart(DType.Int8), Is.EqualTo(DType.Int8));
    }

    [Test]
    public void A_value_that_is_no_dtype_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DTypeTable.Row((DType)15));
        Assert.Throws<ArgumentException>(() => NdArray.DTypeOf<decimal>());
    }
}
