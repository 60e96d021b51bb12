using System.Numerics;
using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// The complex square root and inverse functions on and near their branch cuts, against NumPy
/// 1.24's values (C99's definitions): the sign of a zero imaginary part picks the side of a cut.
/// </summary>
public class ComplexBranchTests
{
    private static IEnumerable<TestCaseData> NumPyValues()
    {
        yield return Case("arccos", new(2, 0), new(0, -1.3169578969248166));
        yield return Case("arccos", new(2, -0.0), new(0, 1.3169578969248166));
        yield return Case("arccos", new(-1.5, 0), new(3.141592653589793, -0.9624236501192069));
        yield return Case("arcsin", new(2, 0), new(1.5707963267948966, 1.3169578969248166));
        yield return Case("arctan", new(-0.0, -3), new(-1.5707963267948966, -0.34657359027997264));
        yield return Case("arctan", new(0, -3), new(1.5707963267948966, -0.34657359027997264));
        yield return Case("arcsinh", new(-0.0, -3), new(-1.762747174039086, -1.5707963267948966));
        yield return Case("arcsinh", new(-1e10, 0), new(-23.7189981105004, 0));
        yield return Case("arcsinh", new(1e200, 0), new(461.2101657793691, 0));
        yield return Case("arcsinh", new(-1e-20, 0), new(-1e-20, 0));
        yield return Case("sqrt", new(-4, -0.0), new(0, -2));
        yield return Case("sqrt", new(-4, 0), new(0, 2));
        yield return Case("arctanh", new(1, 0), new(double.PositiveInfinity, 0));
        yield return Case("arctanh", new(2, 0), new(0.5493061443340549, 1.5707963267948966));
        yield return Case("arctanh", new(-1, 1e-20), new(-23.37242452022043, 0.7853981633974483));
        yield return Case("arccosh", new(-0.5, 0), new(0, 2.0943951023931957));
        // Far out and next to the pole, where squares overflow or underflow.
        yield return Case("arctan", new(1e308, 0), new(1.5707963267948966, 0));
        yield return Case("arctan", new(0, 1e300), new(1.5707963267948966, 1e-300));
        yield return Case("arctanh", new(1, 1e-200), new(230.60508288968455, 0.7853981633974483));
        yield return Case("arctanh", new(1e308, 1e308), new(5e-309, 1.5707963267948966));
    }

    private static TestCaseData Case(string name, Complex z, Complex numpy) =>
        new TestCaseData(name, z, numpy).SetName($"{name}({z}) is NumPy's {numpy}");

    [TestCaseSource(nameof(NumPyValues))]
    public void A_complex_function_gives_numpys_value(string name, Complex z, Complex numpy)
    {
        var result = Ops.UnaryByName[name](Vector(z)).AsSpan<Complex>()[0];
        Assert.That(result.Real, Is.EqualTo(numpy.Real).Within(1e-13 * Math.Max(1, Math.Abs(numpy.Real))));
        Assert.That(result.Imaginary, Is.EqualTo(numpy.Imaginary).Within(1e-13 * Math.Max(1, Math.Abs(numpy.Imaginary))));
    }

    [Test]
    public void Arccos_and_arcsin_add_up_to_half_pi_beyond_the_cut()
    {
        var z = Vector(new Complex(2, 0));
        var sum = Ops.Arccos(z).AsSpan<Complex>()[0] + Ops.UnaryByName["arcsin"](z).AsSpan<Complex>()[0];
        Assert.That(sum.Real, Is.EqualTo(Math.PI / 2).Within(1e-15));
        Assert.That(sum.Imaginary, Is.EqualTo(0).Within(1e-15));
    }
}
