using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// Einstein summation (<c>keras.ops.einsum</c>): <paramref name="subscripts"/> such as
    /// <c>"ij,jk->ik"</c> name each operand's axes with letters; letters missing from the output
    /// (after <c>-&gt;</c>; without it, the letters used once, in alphabetical order) are summed
    /// over, and a letter repeated in one operand takes its diagonal. <c>...</c> stands for the
    /// axes an operand's letters leave, aligned from the right across operands and broadcast
    /// (length 1 stretches), as in NumPy; without an output they come first. In the promoted
    /// dtype (int8 operands only: int32, as Keras's backends give it); float32 and float64 operands are
    /// multiplied as stacks of matrices, two at a time (<see cref="EinsumContraction"/>).
    /// </summary>
    /// <exception cref="KerasValueError">The subscripts do not fit the operands.</exception>
    public static NdArray Einsum(string subscripts, IReadOnlyList<NdArray> operands)
    {
        ArgumentNullException.ThrowIfNull(subscripts);
        GivenAll(operands);
        string spec = subscripts.Replace(" ", "");
        var parts = spec.Split("->");
        var inputs = parts[0].Split(',');
        if (inputs.Length != operands.Count || parts.Length > 2)
            throw new KerasValueError($"The subscripts {subscripts} name {inputs.Length} operands; received {operands.Count}.");
        string? given = parts.Length == 2 ? parts[1] : null;
        string leading = "";
        if (spec.Contains('.')) (inputs, given, leading, operands) = WithoutEllipses(inputs, given, subscripts, operands);
        string output = given
            ?? leading + new string([.. inputs.SelectMany(s => s).Where(c => !leading.Contains(c)).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key).Order()]);
        var length = new Dictionary<char, long>();
        for (int o = 0; o < operands.Count; o++)
        {
            if (inputs[o].Length != operands[o].Rank || !inputs[o].All(char.IsLetter))
                throw new KerasValueError($"Subscripts `{inputs[o]}` do not fit operand {o} of shape {NdArray.FormatShape(operands[o].ShapeSpan)}.");
            for (int a = 0; a < inputs[o].Length; a++)
            {
                long n = operands[o].ShapeSpan[a];
                if (length.TryGetValue(inputs[o][a], out long known) && known != n)
                    throw new KerasValueError($"Size of label '{inputs[o][a]}' for operand {o} ({n}) does not match previous terms ({known}).");
                length[inputs[o][a]] = n;
            }
        }
        if (output.Any(c => !length.ContainsKey(c)) || output.Distinct().Count() != output.Length)
            throw new KerasValueError($"The output subscripts `{output}` must be distinct letters that the operands use.");
        var dtype = operands.Count > 0 && operands.All(x => x.DType == DType.Int8) ? DType.Int32 : DTypes.ResultType([.. operands.Select(x => x.DType)]);
        if (EinsumContraction.Applies(inputs, dtype)) return EinsumContraction.Contract(inputs, output, operands, dtype);
        var labels = output.Concat(length.Keys.Where(c => !output.Contains(c)).Order()).ToArray();
        bool complex = DTypes.IsComplex(dtype);
        var work = operands.Select(x => x.Cast(complex ? DType.Complex128 : DType.Float64)).ToArray();
        var shape = output.Select(c => length[c]).ToArray();
        var sums = new Complex[NdArray.ElementCount(shape)];
        var strides = work.Select((x, o) => labels.Select(c => Stride(inputs[o], x.ShapeSpan, c)).ToArray()).ToArray();
        var outStrides = labels.Select(c => Stride(output, shape, c)).ToArray();
        var extents = labels.Select(c => length[c]).ToArray();
        if (extents.All(e => e > 0)) Accumulate(work, strides, outStrides, extents, sums, complex);
        NdArray result = complex
            ? NdArray.FromColumnMajor(sums, shape)
            : NdArray.FromColumnMajor(sums.Select(z => z.Real).ToArray(), shape);
        return result.Cast(dtype);
    }

    // Each operand's `...` becomes letters no subscript uses, one per axis it stands for, the same
    // letters for the same axes counted from the right; operands whose `...` axes have length 1
    // where another's do not are broadcast to them first. Returns the new subscripts, the
    // output's (null where none was given) and the letters, which lead an implicit output.
    private static (string[] Inputs, string? Output, string Letters, IReadOnlyList<NdArray> Operands) WithoutEllipses(
        string[] inputs, string? output, string subscripts, IReadOnlyList<NdArray> operands)
    {
        if (subscripts.Replace("...", "").Contains('.'))
            throw new KerasValueError($"A period in einsum subscripts must be part of an ellipsis (`...`). Received: subscripts={subscripts}");
        var covered = new int[inputs.Length];
        for (int o = 0; o < inputs.Length; o++)
        {
            covered[o] = inputs[o].Contains("...") ? operands[o].Rank - (inputs[o].Length - 3) : 0;
            if (covered[o] < 0 || inputs[o].Split("...").Length > 2)
                throw new KerasValueError($"Subscripts `{inputs[o]}` do not fit operand {o} of shape {NdArray.FormatShape(operands[o].ShapeSpan)}.");
        }
        int count = covered.Max();
        if (output is not null && !output.Contains("...") && count > 0)
            throw new KerasValueError($"output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions. Received: subscripts={subscripts}");
        var fresh = new string([.. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".Where(c => !subscripts.Contains(c)).Take(count)]);
        if (fresh.Length < count) throw new KerasValueError($"Too many axes under the ellipsis of {subscripts} to name.");
        var lengths = new long[count];
        Array.Fill(lengths, 1);
        for (int o = 0; o < inputs.Length; o++)
        {
            int start = inputs[o].IndexOf("...", StringComparison.Ordinal);
            for (int e = 0; e < covered[o]; e++)
            {
                long n = operands[o].ShapeSpan[start + e];
                ref long known = ref lengths[count - covered[o] + e];
                if (n != 1 && known != 1 && n != known)
                    throw new KerasValueError($"operands could not be broadcast together with remapped shapes: the axes under `...` of {NdArray.FormatShape(operands[o].ShapeSpan)} do not broadcast.");
                if (n != 1) known = n;
            }
        }
        var named = new string[inputs.Length];
        var expanded = new NdArray[operands.Count];
        for (int o = 0; o < inputs.Length; o++)
        {
            int start = inputs[o].IndexOf("...", StringComparison.Ordinal);
            (named[o], expanded[o]) = (inputs[o], operands[o]);
            if (start < 0) continue;
            var shape = operands[o].ShapeSpan.ToArray();
            for (int e = 0; e < covered[o]; e++) shape[start + e] = lengths[count - covered[o] + e];
            if (!shape.AsSpan().SequenceEqual(operands[o].ShapeSpan)) expanded[o] = BroadcastTo(operands[o], shape);
            named[o] = inputs[o].Replace("...", fresh[(count - covered[o])..]);
        }
        return (named, output?.Replace("...", fresh), fresh, expanded);
    }

    // How far apart neighbours along `label` are in an operand's column-major storage; a label
    // named twice moves along the diagonal.
    private static long Stride(string axes, ReadOnlySpan<long> shape, char label)
    {
        long stride = 1, total = 0;
        for (int a = 0; a < axes.Length; a++)
        {
            if (axes[a] == label) total += stride;
            stride *= shape[a];
        }
        return total;
    }

    private static void Accumulate(NdArray[] operands, long[][] strides, long[] outStrides, long[] extents, Complex[] sums, bool complex)
    {
        var index = new long[extents.Length];
        var offsets = new long[operands.Length];
        long outOffset = 0;
        var reals = complex ? null : operands.Select(x => x.AsSpan<double>().ToArray()).ToArray();
        var complexes = complex ? operands.Select(x => x.AsSpan<Complex>().ToArray()).ToArray() : null;
        for (long visited = 1; ; visited++)
        {
            if ((visited & (Interruption.ChunkLength - 1)) == 0) Interruption.Poll();
            if (complex)
            {
                Complex product = Complex.One;
                for (int o = 0; o < operands.Length; o++) product *= complexes![o][offsets[o]];
                sums[outOffset] += product;
            }
            else
            {
                double product = 1;
                for (int o = 0; o < operands.Length; o++) product *= reals![o][offsets[o]];
                sums[outOffset] += product;
            }
            int d = 0;
            for (; d < extents.Length; d++)
            {
                for (int o = 0; o < operands.Length; o++) offsets[o] += strides[o][d];
                outOffset += outStrides[d];
                if (++index[d] < extents[d]) break;
                for (int o = 0; o < operands.Length; o++) offsets[o] -= strides[o][d] * extents[d];
                outOffset -= outStrides[d] * extents[d];
                index[d] = 0;
            }
            if (d == extents.Length) return;
        }
    }
}
