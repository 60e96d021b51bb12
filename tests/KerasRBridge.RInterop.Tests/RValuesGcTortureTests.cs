using System.Numerics;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;
using static KerasRBridge.RInterop.Tests.RCode;

namespace KerasRBridge.RInterop.Tests;

public class RValuesGcTortureTests
{
    [Test]
    public void The_typed_wrappers_survive_gctorture() => REngine.Invoke(() =>
    {
        REngine.Execute("gctorture(TRUE)");
        try
        {
            using var d = RDoubleVector.Create([1.5, null]);
            using var i = RIntegerVector.Create([1, null]);
            using var l = RLogicalVector.Create([true, null]);
            using var s = RCharacterVector.Create(["a", null, "c"]);
            using var c = RComplexVector.Create([new Complex(1, 2)]);
            using var r = RRawVector.Create([1, 2]);
            s.SetNames(["x", "y", "z"]);
            d.SetDim([2, 1]);
            d.SetDimNames([["r1", "r2"], null]);
            using var list = RList.Create(new Dictionary<string, RObject> { ["d"] = d, ["i"] = i, ["l"] = l, ["s"] = s, ["c"] = c, ["r"] = r });
            using var env = REnvironment.Create(REnvironment.Global());
            env.Set("list", list);
            using var back = (RList)env.Get("list");
            using var copy = back.ToWritableCopy();
            using var f = Eval<RFunction>("function(x, n) length(x) + n");
            using var n = RIntegerVector.Create([10]);
            using var result = (RIntegerVector)f.Invoke(copy, ("n", n));
            Assert.That(result[0], Is.EqualTo(16));
            Assert.That(Holds("identical(x, list(d = matrix(c(1.5, NA), 2, dimnames = list(c('r1', 'r2'), NULL)), i = c(1L, NA), l = c(TRUE, NA), " +
                "s = c(x = 'a', y = NA, z = 'c'), c = 1+2i, r = as.raw(1:2)))", copy), Is.True);
        }
        finally
        {
            REngine.Execute("gctorture(FALSE)");
        }
    });
}
