using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine.Tests;

public class DTypesKindsTests
{
    [Test]
    public void Float_dtypes_are_the_four_real_floating_point_types()
    {
        var floats = Enum.GetValues<DType>().Where(DTypes.IsFloat);
        Assert.That(floats, Is.EquivalentTo(new[] { DType.Float16, DType.BFloat16, DType.Float32, DType.Float64 }));
    }

    [Test]
    public void Integer_dtypes_are_signed_and_unsigned_but_not_bool()
    {
        var integers = Enum.GetValues<DType>().Where(DTypes.IsInteger).Select(DTypes.Name);
        Assert.That(integers, Is.EquivalentTo(new[] { "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64" }));
    }

    [Test]
    public void Unsigned_dtypes_are_the_uint_names()
    {
        foreach (DType dtype in Enum.GetValues<DType>())
            Assert.That(DTypes.IsUnsigned(dtype), Is.EqualTo(DTypes.Name(dtype).StartsWith("uint")), DTypes.Name(dtype));
    }

    [Test]
    public void Complex_dtypes_are_complex64_and_complex128()
    {
        var complexes = Enum.GetValues<DType>().Where(DTypes.IsComplex);
        Assert.That(complexes, Is.EquivalentTo(new[] { DType.Complex64, DType.Complex128 }));
    }

    [Test]
    public void Element_types_round_trip_through_DTypeOf()
    {
        var dtypeOf = typeof(NdArray).GetMethod(nameof(NdArray.DTypeOf))!;
        foreach (DType dtype in Enum.GetValues<DType>())
        {
            var type = DTypes.ElementType(dtype);
            Assert.That(dtypeOf.MakeGenericMethod(type).Invoke(null, null), Is.EqualTo(dtype));
        }
    }

    [Test]
    public void Element_sizes_are_the_sizes_of_the_element_types()
    {
        var sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;
        foreach (DType dtype in Enum.GetValues<DType>())
        {
            var size = sizeOf.MakeGenericMethod(DTypes.ElementType(dtype)).Invoke(null, null);
            Assert.That(DTypes.ElementSize(dtype), Is.EqualTo(size), DTypes.Name(dtype));
        }
        Assert.That(DTypes.ElementSize(DType.Complex128), Is.EqualTo(2 * sizeof(double)));
        Assert.That(DTypes.ElementType(DType.Complex128), Is.EqualTo(typeof(Complex)));
    }
}
