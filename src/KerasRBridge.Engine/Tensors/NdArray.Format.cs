using System.Globalization;
using System.Numerics;
using System.Text;

namespace KerasRBridge.Engine;

public sealed partial class NdArray
{
    private const int LineWidth = 75;
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>
    /// The values as NumPy's <c>str()</c> prints them, in logical (row-major) order:
    /// <c>[[1. 2.]\n [3. 4.]]</c>; a shape <c>()</c> tensor prints as a scalar (<c>1.5</c>).
    /// Lines wrap at 75 characters, and tensors of more than 1000 elements show only the first
    /// and last 3 items of each axis around <c>...</c>.
    /// </summary>
    public string Format()
    {
        if (Rank == 0) return FormatScalar();
        bool summarize = Size > SummaryThreshold;
        var shown = new int[Rank][];
        for (int axis = 0; axis < Rank; axis++)
        {
            int length = (int)_shape[axis];
            shown[axis] = summarize && length > 2 * EdgeItems
                ? [.. Enumerable.Range(0, EdgeItems), .. Enumerable.Range(length - EdgeItems, EdgeItems)]
                : [.. Enumerable.Range(0, length)];
        }
        var strides = new long[Rank];
        for (long axis = 0, stride = 1; axis < Rank; stride *= _shape[axis], axis++) strides[axis] = stride;

        var element = ElementFormatter(ShownOffsets(shown, strides));
        return FormatAxis(0, 0, " ", LineWidth, shown, strides, element);
    }

    // Offsets of every element that will be printed; the layout of each element depends on all of them.
    private List<int> ShownOffsets(int[][] shown, long[] strides)
    {
        var offsets = new List<int>();
        void Walk(int axis, long offset)
        {
            if (axis == Rank)
            {
                offsets.Add((int)offset);
                return;
            }
            foreach (int i in shown[axis]) Walk(axis + 1, offset + i * strides[axis]);
        }
        Walk(0, 0);
        return offsets;
    }

    private string FormatAxis(int axis, long offset, string indent, int width, int[][] shown, long[] strides, Func<int, string> element)
    {
        int length = (int)_shape[axis];
        bool summarized = shown[axis].Length < length;
        var text = new StringBuilder();
        if (axis == Rank - 1)
        {
            int elementWidth = width - 1;
            var line = new StringBuilder(indent);
            for (int k = 0; k < shown[axis].Length; k++)
            {
                bool last = k == shown[axis].Length - 1;
                AppendWord(text, line, element((int)(offset + shown[axis][k] * strides[axis])), elementWidth, indent);
                if (summarized && k == EdgeItems - 1)
                {
                    line.Append(' ');
                    AppendWord(text, line, "...", elementWidth, indent);
                }
                if (!last) line.Append(' ');
            }
            text.Append(line);
        }
        else
        {
            string separator = new('\n', Rank - axis - 1);
            for (int k = 0; k < shown[axis].Length; k++)
            {
                text.Append(indent);
                text.Append(FormatAxis(axis + 1, offset + shown[axis][k] * strides[axis], indent + " ", width - 1, shown, strides, element));
                if (k < shown[axis].Length - 1) text.Append(separator);
                if (summarized && k == EdgeItems - 1) text.Append(indent).Append("...").Append(separator);
            }
        }
        return "[" + text.ToString(indent.Length, text.Length - indent.Length) + "]";
    }

    // Wraps before a word that would pass the line width, unless the line holds only its indent.
    private static void AppendWord(StringBuilder text, StringBuilder line, string word, int width, string indent)
    {
        if (line.Length + word.Length > width && line.Length > indent.Length)
        {
            text.Append(line.ToString().TrimEnd()).Append('\n');
            line.Clear().Append(indent);
        }
        line.Append(word);
    }

    private Func<int, string> ElementFormatter(List<int> offsets)
    {
        switch (DType)
        {
            case DType.Bool:
                var flags = (bool[])_data;
                return i => flags[i] ? " True" : "False";
            case DType.Complex64 or DType.Complex128:
                var real = new FloatFormat(offsets.Select(RealAt).ToList(), DType);
                var imaginary = new FloatFormat(offsets.Select(ImaginaryAt).ToList(), DType, forceSign: true);
                return i =>
                {
                    string im = imaginary.Format(ImaginaryAt(i));
                    string trimmed = im.TrimEnd();
                    return real.Format(RealAt(i)) + trimmed + "j" + new string(' ', im.Length - trimmed.Length);
                };
            case var dtype when DTypes.IsFloat(dtype):
                var floats = new FloatFormat(offsets.Select(RealAt).ToList(), DType);
                return i => floats.Format(RealAt(i));
            default:
                int width = offsets.Max(i => IntegerAt(i).Length);
                return i => IntegerAt(i).PadLeft(width);
        }
    }

    private string FormatScalar()
    {
        switch (DType)
        {
            case DType.Bool:
                return ((bool[])_data)[0] ? "True" : "False";
            case DType.Complex64 or DType.Complex128:
                double re = RealAt(0), im = ImaginaryAt(0);
                string imaginary = PythonFloat(im, DType, wholeSuffix: false) + "j";
                if (re == 0 && !double.IsNegative(re)) return imaginary;
                string sign = double.IsNegative(im) && !double.IsNaN(im) ? "" : "+";
                return $"({PythonFloat(re, DType, wholeSuffix: false)}{sign}{imaginary})";
            case var dtype when DTypes.IsFloat(dtype):
                return PythonFloat(RealAt(0), DType);
            default:
                return IntegerAt(0);
        }
    }

    private double RealAt(int i) => DType switch
    {
        DType.Float16 => (double)((Half[])_data)[i],
        DType.BFloat16 => ((BFloat16[])_data)[i],
        DType.Float32 => ((float[])_data)[i],
        DType.Float64 => ((double[])_data)[i],
        DType.Complex64 => ((Complex64[])_data)[i].Real,
        _ => ((Complex[])_data)[i].Real,
    };

    private double ImaginaryAt(int i) =>
        DType == DType.Complex64 ? ((Complex64[])_data)[i].Imaginary : ((Complex[])_data)[i].Imaginary;

    private string IntegerAt(int i) => ((IFormattable)_data.GetValue(i)!).ToString(null, CultureInfo.InvariantCulture);
}
