using System.Text;

namespace KerasRBridge.Engine;

/// <summary>
/// Tensors as NumPy's <c>str()</c> prints them (see <see cref="NdArray.Format"/>): nested
/// brackets in logical (row-major) order, lines wrapped at 75 characters, and tensors of more than
/// 1000 elements summarised to the first and last 3 items of each axis around <c>...</c>.
/// </summary>
internal static class NumPyText
{
    private const int LineWidth = 75;
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>The text of <paramref name="array"/>; a shape <c>()</c> tensor prints as a scalar,
    /// an empty one as <c>[]</c>.</summary>
    public static string Format(NdArray array)
    {
        if (array.Rank == 0) return ShownElements.Of(array, [0]).Scalar();
        // NumPy prints every empty array so, whatever its shape.
        if (array.Size == 0) return "[]";
        var shape = array.ShapeSpan;
        bool summarize = array.Size > SummaryThreshold;
        var shown = new int[shape.Length][];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            int length = (int)shape[axis];
            shown[axis] = summarize && length > 2 * EdgeItems
                ? [.. Enumerable.Range(0, EdgeItems), .. Enumerable.Range(length - EdgeItems, EdgeItems)]
                : [.. Enumerable.Range(0, length)];
        }
        var elements = ShownElements.Of(array, ShownOffsets(shown, Selection.ColumnMajorStrides(shape)));
        int next = 0;
        return FormatAxis(0, " ", LineWidth, shown, shape.ToArray(), () => elements.Element(next++));
    }

    // Offsets of every element that will be printed, in printing order; the layout of each
    // element depends on all of them.
    private static List<int> ShownOffsets(int[][] shown, long[] strides)
    {
        var offsets = new List<int>();
        void Walk(int axis, long offset)
        {
            if (axis == shown.Length)
            {
                offsets.Add((int)offset);
                return;
            }
            foreach (int i in shown[axis]) Walk(axis + 1, offset + i * strides[axis]);
        }
        Walk(0, 0);
        return offsets;
    }

    private static string FormatAxis(int axis, string indent, int width, int[][] shown, long[] shape, Func<string> nextElement)
    {
        int rank = shape.Length;
        bool summarized = shown[axis].Length < shape[axis];
        var text = new StringBuilder();
        if (axis == rank - 1)
        {
            int elementWidth = width - 1;
            var line = new StringBuilder(indent);
            for (int k = 0; k < shown[axis].Length; k++)
            {
                AppendWord(text, line, nextElement(), elementWidth, indent);
                if (summarized && k == EdgeItems - 1)
                {
                    line.Append(' ');
                    AppendWord(text, line, "...", elementWidth, indent);
                }
                if (k < shown[axis].Length - 1) line.Append(' ');
            }
            text.Append(line);
        }
        else
        {
            string separator = new('\n', rank - axis - 1);
            for (int k = 0; k < shown[axis].Length; k++)
            {
                text.Append(indent);
                text.Append(FormatAxis(axis + 1, indent + " ", width - 1, shown, shape, nextElement));
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
}
