using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// The set elements of a bool mask in row-major order (the last axis fastest), as
/// <c>np.nonzero</c> and a boolean index list them: each line along the last axis is searched
/// for them with vectorised skips over the unset ones, and the index of the line in the other
/// axes is counted as the lines pass (an odometer) rather than divided out of each position.
/// </summary>
internal ref struct SetElements
{
    private readonly ReadOnlySpan<byte> _set;
    private readonly ReadOnlySpan<long> _shape;
    private readonly long[] _line;
    private readonly int _length;
    private int _start;
    private int _along = -1;

    /// <param name="rowMajor">The mask's elements in row-major order.</param>
    /// <param name="shape">The mask's shape (none: one element).</param>
    public SetElements(ReadOnlySpan<bool> rowMajor, ReadOnlySpan<long> shape)
    {
        _set = MemoryMarshal.Cast<bool, byte>(rowMajor);
        _shape = shape;
        _line = new long[Math.Max(shape.Length - 1, 0)];
        _length = shape.Length == 0 ? 1 : (int)shape[^1];
    }

    /// <summary>How many elements of <paramref name="mask"/> are set.</summary>
    public static int Count(ReadOnlySpan<bool> mask) => MemoryMarshal.Cast<bool, byte>(mask).Count((byte)1);

    /// <summary>The current element's index along the last axis.</summary>
    public readonly int Along => _along;

    /// <summary>The current element's index in the axes before the last.</summary>
    public readonly ReadOnlySpan<long> Line => _line;

    /// <summary>Moves to the next set element; false when there is none.</summary>
    public bool MoveNext()
    {
        while (_start < _set.Length)
        {
            int next = _set.Slice(_start + _along + 1, _length - _along - 1).IndexOf((byte)1);
            if (next >= 0)
            {
                _along += 1 + next;
                return true;
            }
            _start += _length;
            _along = -1;
            for (int a = _line.Length - 1; a >= 0 && ++_line[a] == _shape[a]; a--) _line[a] = 0;
        }
        return false;
    }
}
