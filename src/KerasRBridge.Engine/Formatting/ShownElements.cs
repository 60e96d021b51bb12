using System.Globalization;
using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>The elements a tensor shows, as text: each aligned with the others in an array, or alone as a scalar.</summary>
internal abstract class ShownElements
{
    /// <summary>The element at <paramref name="offsets"/> of <paramref name="array"/>, in printing order.</summary>
    public static ShownElements Of(NdArray array, List<int> offsets) =>
        DTypeVisitor.AcceptKind<ElementsOf, ShownElements>(array.DType, new ElementsOf(array, offsets));

    /// <summary>The <paramref name="k"/>-th shown element, padded to the width of all of them.</summary>
    public abstract string Element(int k);

    /// <summary>The first element alone, as Python prints a NumPy scalar.</summary>
    public abstract string Scalar();

    private sealed class Words(string[] words, int width) : ShownElements
    {
        public override string Element(int k) => words[k].PadLeft(width);
        public override string Scalar() => words[0];
    }

    private sealed class Floats(double[] values, Func<double, DecimalDigits> shortest) : ShownElements
    {
        private readonly FloatFormat _format = new(values, shortest);

        public override string Element(int k) => _format.Format(values[k]);
        public override string Scalar() => PythonRepr.Float(values[0], shortest);
    }

    private sealed class Complexes(double[] real, double[] imaginary, Func<double, DecimalDigits> shortest) : ShownElements
    {
        private readonly FloatFormat _real = new(real, shortest);
        private readonly FloatFormat _imaginary = new(imaginary, shortest, forceSign: true);

        public override string Element(int k)
        {
            string im = _imaginary.Format(imaginary[k]);
            string trimmed = im.TrimEnd();
            return _real.Format(real[k]) + trimmed + "j" + new string(' ', im.Length - trimmed.Length);
        }

        public override string Scalar()
        {
            double re = real[0], im = imaginary[0];
            string imaginaryPart = PythonRepr.Float(im, shortest, wholeSuffix: false) + "j";
            if (re == 0 && !double.IsNegative(re)) return imaginaryPart;
            string sign = double.IsNegative(im) && !double.IsNaN(im) ? "" : "+";
            return $"({PythonRepr.Float(re, shortest, wholeSuffix: false)}{sign}{imaginaryPart})";
        }
    }

    private readonly struct ElementsOf(NdArray array, List<int> offsets) : IDTypeKindVisitor<ShownElements>
    {
        public ShownElements Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            new Floats(Shown<T, double>(double.CreateTruncating), DecimalDigits.Shortest<T>);

        public ShownElements BFloat16() =>
            new Floats(Shown<BFloat16, double>(x => x), value => DecimalDigits.Searched(value, back => ((BFloat16)back).Bits == ((BFloat16)value).Bits));

        public ShownElements Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        {
            var words = Shown<T, string>(x => x.ToString(null, CultureInfo.InvariantCulture));
            return new Words(words, words.Max(w => w.Length));
        }

        // NumPy leaves room for a sign: " True" lines up with "False".
        public ShownElements Bool() => new Words(Shown<bool, string>(x => x ? "True" : "False"), "False".Length);

        public ShownElements Complex64() =>
            new Complexes(Shown<Complex64, double>(x => x.Real), Shown<Complex64, double>(x => x.Imaginary), DecimalDigits.Shortest<float>);

        public ShownElements Complex128() =>
            new Complexes(Shown<Complex, double>(x => x.Real), Shown<Complex, double>(x => x.Imaginary), DecimalDigits.Shortest<double>);

        private TOut[] Shown<T, TOut>(Func<T, TOut> read) where T : unmanaged
        {
            var elements = array.AsSpan<T>();
            var shown = new TOut[offsets.Count];
            for (int k = 0; k < shown.Length; k++) shown[k] = read(elements[offsets[k]]);
            return shown;
        }
    }
}
