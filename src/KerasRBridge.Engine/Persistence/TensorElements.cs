using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// A tensor's elements to and from a stream of little-endian bytes, in the tensor's own
/// column-major order or in the row-major (C) order most files use. Data moves in blocks, so a
/// tensor of more than 2 GiB is written and read like a small one; row-major order costs one
/// copy of the elements, column-major order none.
/// </summary>
internal static class TensorElements
{
    // Bytes per read or write call: large enough for sequential speed, small enough that a
    // block's byte count always fits a span.
    private const int BlockBytes = 1 << 24;

    /// <summary>Writes the elements of <paramref name="array"/>, row-major when <paramref name="rowMajor"/>.</summary>
    public static void Write(Stream stream, NdArray array, bool rowMajor) =>
        DTypeVisitor.Accept<Writer, bool>(array.DType, new Writer(stream, array, rowMajor));

    /// <summary>
    /// Reads a tensor of <paramref name="dtype"/> and <paramref name="shape"/> whose elements
    /// follow in <paramref name="stream"/>, row-major when <paramref name="rowMajor"/>,
    /// big-endian when <paramref name="bigEndian"/>.
    /// </summary>
    /// <exception cref="KerasValueError">The stream ends early, or a bool element is neither 0 nor 1.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray Read(Stream stream, DType dtype, long[] shape, bool rowMajor, bool bigEndian) =>
        DTypeVisitor.Accept<Reader, NdArray>(dtype, new Reader(stream, shape, rowMajor, bigEndian));

    /// <summary>A tensor of <paramref name="shape"/> from its row-major elements, which must be
    /// valid values of their dtype (a bool 0 or 1).</summary>
    /// <exception cref="KerasValueError">A bool element is neither 0 nor 1.</exception>
    public static NdArray FromRowMajor<T>(Span<T> rowMajor, long[] shape) where T : unmanaged
    {
        RequireValid(rowMajor);
        return NdArray.FromRowMajor<T>(rowMajor, shape);
    }

    /// <summary>
    /// The bytes a file's tensor of <paramref name="dtype"/> and <paramref name="shape"/> takes,
    /// checked against <paramref name="available"/>, the bytes the file has for it, before
    /// anything is allocated: a corrupt shape is an error, never an attempt at a huge tensor.
    /// </summary>
    /// <exception cref="KerasValueError">The shape is invalid or needs more bytes than there are.</exception>
    public static long RequireStored(DType dtype, long[] shape, long available, string what)
    {
        long bytes;
        // ElementCount refuses negative dimensions and counts that overflow.
        try { bytes = checked(NdArray.ElementCount(shape) * DTypes.ElementSize(dtype)); }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            throw new KerasValueError($"Invalid shape {NdArray.FormatShape(shape)} for {what}: its size overflows or a dimension is negative.");
        }
        if (bytes > available)
            throw new KerasValueError(
                $"The file is truncated: {what} declares {bytes} bytes of data ({DTypes.Name(dtype)}, shape {NdArray.FormatShape(shape)}) but only {available} remain.");
        return bytes;
    }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="stream"/>.</summary>
    /// <exception cref="KerasValueError">The stream ends first.</exception>
    public static void ReadExactly(Stream stream, Span<byte> destination)
    {
        try { stream.ReadExactly(destination); }
        catch (EndOfStreamException)
        {
            throw new KerasValueError("The file is truncated: it ends before the data it declares.");
        }
    }

    private static void WriteElements<T>(Stream stream, ReadOnlySpan<T> elements) where T : unmanaged
    {
        int perBlock = BlockBytes / Unsafe.SizeOf<T>();
        for (int start = 0; start < elements.Length; start += perBlock)
        {
            // Abandoning here is harmless: a save writes a temporary file that is then removed.
            Interruption.Poll();
            stream.Write(MemoryMarshal.AsBytes(elements.Slice(start, Math.Min(perBlock, elements.Length - start))));
        }
    }

    private static void ReadElements<T>(Stream stream, Span<T> elements, bool bigEndian) where T : unmanaged
    {
        int perBlock = BlockBytes / Unsafe.SizeOf<T>();
        for (int start = 0; start < elements.Length; start += perBlock)
        {
            // Abandoning here is harmless: a load fills fresh arrays that nothing holds yet.
            Interruption.Poll();
            var block = MemoryMarshal.AsBytes(elements.Slice(start, Math.Min(perBlock, elements.Length - start)));
            ReadExactly(stream, block);
            if (bigEndian) SwapBytes<T>(block);
        }
    }

    // Swaps each number in place; a complex element is two numbers, each swapped on its own.
    private static void SwapBytes<T>(Span<byte> block) where T : unmanaged
    {
        int unit = DTypes.ElementSize(DTypeTable.RealPart(NdArray.DTypeOf<T>()));
        switch (unit)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(block), MemoryMarshal.Cast<byte, ushort>(block)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(block), MemoryMarshal.Cast<byte, uint>(block)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(block), MemoryMarshal.Cast<byte, ulong>(block)); break;
        }
    }

    // A bool read from a file is one byte that .NET takes as it is; anything but 0 and 1 would
    // make a tensor whose elements compare unequal to true and false.
    private static void RequireValid<T>(Span<T> elements) where T : unmanaged
    {
        if (typeof(T) != typeof(bool)) return;
        var bytes = MemoryMarshal.AsBytes(elements);
        int bad = bytes.IndexOfAnyExcept((byte)0, (byte)1);
        if (bad >= 0)
            throw new KerasValueError($"A bool element must be stored as 0 or 1. Received: {bytes[bad]} at element {bad}");
    }

    private readonly ref struct Writer(Stream stream, NdArray array, bool rowMajor) : IDTypeVisitor<bool>
    {
        public bool Visit<T>() where T : unmanaged
        {
            if (!rowMajor || array.Rank < 2)
            {
                WriteElements(stream, array.AsSpan<T>());
                return true;
            }
            var copy = NdArray.NewArray<T>((int)array.Size, array.ShapeSpan, zeroed: false);
            array.CopyRowMajor<T>(copy);
            WriteElements<T>(stream, copy);
            return true;
        }
    }

    private readonly ref struct Reader(Stream stream, long[] shape, bool rowMajor, bool bigEndian) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var elements = NdArray.NewStorage<T>(shape);
            ReadElements<T>(stream, elements, bigEndian);
            if (rowMajor && shape.Length >= 2) return FromRowMajor<T>(elements, shape);
            RequireValid<T>(elements);
            return NdArray.FromColumnMajor(elements, shape);
        }
    }
}
