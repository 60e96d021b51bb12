namespace KerasRBridge.Engine;

/// <summary>
/// How two operands broadcast to a result shape, as runs: the result's leading axes (those of
/// length 1 aside) along which each operand is either contiguous in its storage or a single
/// repeated element, and a cursor over the remaining axes giving each run's start in both
/// operands.
/// </summary>
internal sealed class BroadcastRuns
{
    private readonly long[] _lengths;
    private readonly long[] _stridesX;
    private readonly long[] _stridesY;

    /// <summary>Plans the runs of <paramref name="shapeX"/> and <paramref name="shapeY"/> broadcast to <paramref name="shape"/>.</summary>
    public BroadcastRuns(long[] shape, ReadOnlySpan<long> shapeX, ReadOnlySpan<long> shapeY)
    {
        var stridesX = BroadcastStrides(shapeX, shape);
        var stridesY = BroadcastStrides(shapeY, shape);
        // Per-call work on small tensors: no LINQ.
        int a = 0;
        long run = 1;
        bool? xRepeats = null, yRepeats = null;
        for (; a < shape.Length; a++)
        {
            if (shape[a] == 1) continue;
            if (!Continues(stridesX[a], run, ref xRepeats) || !Continues(stridesY[a], run, ref yRepeats)) break;
            run *= shape[a];
        }
        RunLength = run;
        XRepeats = xRepeats ?? true;
        YRepeats = yRepeats ?? true;
        int outer = 0;
        for (int b = a; b < shape.Length; b++) if (shape[b] != 1) outer++;
        _lengths = new long[outer];
        _stridesX = new long[outer];
        _stridesY = new long[outer];
        for (int b = a, k = 0; b < shape.Length; b++)
        {
            if (shape[b] == 1) continue;
            _lengths[k] = shape[b];
            _stridesX[k] = stridesX[b];
            _stridesY[k++] = stridesY[b];
        }
    }

    /// <summary>The number of result elements in one run.</summary>
    public long RunLength { get; }

    /// <summary>Whether the first operand is one repeated element within a run (else contiguous).</summary>
    public bool XRepeats { get; }

    /// <summary>Whether the second operand is one repeated element within a run (else contiguous).</summary>
    public bool YRepeats { get; }

    /// <summary>A cursor at the first run.</summary>
    public Cursor Start() => new(this);

    // An operand keeps a run going if the axis continues its mode: stride 0 for a repeated
    // element, or the run's length so far for contiguous storage.
    private static bool Continues(long stride, long run, ref bool? repeats)
    {
        bool thisRepeats = stride == 0;
        if (!thisRepeats && stride != run) return false;
        repeats ??= thisRepeats;
        return repeats == thisRepeats;
    }

    /// <summary>Each result axis's stride in an operand's column-major storage; 0 where it is broadcast.</summary>
    private static long[] BroadcastStrides(ReadOnlySpan<long> operand, ReadOnlySpan<long> shape)
    {
        var own = Selection.ColumnMajorStrides(operand);
        var strides = new long[shape.Length];
        int skipped = shape.Length - operand.Length;
        for (int a = skipped; a < shape.Length; a++)
            strides[a] = operand[a - skipped] == 1 ? 0 : own[a - skipped];
        return strides;
    }

    /// <summary>Walks the runs in result order, tracking where each starts in both operands.</summary>
    public struct Cursor(BroadcastRuns plan)
    {
        private readonly long[] _position = new long[plan._lengths.Length];

        public long OffsetX { get; private set; }
        public long OffsetY { get; private set; }

        public void MoveNext()
        {
            for (int a = 0; a < _position.Length; a++)
            {
                OffsetX += plan._stridesX[a];
                OffsetY += plan._stridesY[a];
                if (++_position[a] < plan._lengths[a]) return;
                OffsetX -= plan._stridesX[a] * _position[a];
                OffsetY -= plan._stridesY[a] * _position[a];
                _position[a] = 0;
            }
        }
    }
}
