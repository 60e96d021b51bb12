namespace KerasRBridge.Engine.Tests;

/// <summary>Null where an op takes a tensor is .NET's <see cref="ArgumentNullException"/>, never a
/// <see cref="NullReferenceException"/> from inside the op.</summary>
public class NullArgumentTests
{
    private static readonly NdArray V = NdArray.FromColumnMajor(new[] { 1.0, 2.0 }, [2]);

    private static IEnumerable<TestCaseData> Calls()
    {
        yield return new TestCaseData((Action)(() => Ops.Cbrt(null!))).SetName("Cbrt");
        yield return new TestCaseData((Action)(() => Ops.Deg2Rad(null!))).SetName("Deg2Rad");
        yield return new TestCaseData((Action)(() => Ops.Trunc(null!))).SetName("Trunc");
        yield return new TestCaseData((Action)(() => Ops.Signbit(null!))).SetName("Signbit");
        yield return new TestCaseData((Action)(() => Ops.Sum(null!))).SetName("Sum");
        yield return new TestCaseData((Action)(() => Ops.Prod(null!))).SetName("Prod");
        yield return new TestCaseData((Action)(() => Ops.Any(null!))).SetName("Any");
        yield return new TestCaseData((Action)(() => Ops.All(null!))).SetName("All");
        yield return new TestCaseData((Action)(() => Ops.CountNonzero(null!))).SetName("CountNonzero");
        yield return new TestCaseData((Action)(() => Ops.Softmax(null!, 0))).SetName("Softmax");
        yield return new TestCaseData((Action)(() => Ops.MoveAxis(V, null!, [0]))).SetName("MoveAxis");
        yield return new TestCaseData((Action)(() => Ops.SliceUpdate(V, null!, V))).SetName("SliceUpdate");
        yield return new TestCaseData((Action)(() => Ops.Concatenate([V, null!]))).SetName("Concatenate element");
        yield return new TestCaseData((Action)(() => Ops.Stack([null!, V]))).SetName("Stack element");
        yield return new TestCaseData((Action)(() => Ops.Einsum("i,i->", [V, null!]))).SetName("Einsum operand");
        yield return new TestCaseData((Action)(() => Ops.Add(default(Operand), V))).SetName("default Operand");
    }

    [TestCaseSource(nameof(Calls))]
    public void Is_an_argument_null_exception(Action call) =>
        Assert.That(() => call(), Throws.InstanceOf<ArgumentNullException>());
}
