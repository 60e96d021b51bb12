using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PureHDF;

namespace KerasRBridge.Engine;

/// <summary>
/// Keras 3's <c>.weights.h5</c> (HDF5, written and read with PureHDF): a tensor named
/// <c>a/b/c</c> is the dataset <c>a/b/vars/c</c>, where Keras's H5 store keeps a layer's
/// variables, and one named <c>c</c> is <c>vars/c</c>. Types follow h5py: bool an 8-bit enum of
/// FALSE and TRUE, complex a compound of fields <c>r</c> and <c>i</c>, and bfloat16, which HDF5
/// lacks, 2-byte opaque elements with the attribute <c>dtype = "bfloat16"</c>, as Keras marks it.
/// </summary>
internal sealed class H5Format : WeightsFormat
{
    private const string VarsGroup = "vars";
    private const string DTypeAttribute = "dtype";

    // libhdf5's H5S_MAX_RANK: h5py and Keras cannot open a dataset of more dimensions.
    private const int MaxRank = 32;

    public override string Extension => ".weights.h5";

    public override void Write(Stream file, IReadOnlyList<KeyValuePair<string, NdArray>> arrays)
    {
        var root = new H5File();
        foreach (var (name, array) in arrays)
        {
            string[] parts = name.Split('/');
            if (parts.Any(part => part is "" or "."))
                throw new KerasValueError($"A name in a .weights.h5 file is a path of non-empty parts other than '.' separated by '/'. Received: name={name}");
            if (array.Rank > MaxRank)
                throw new KerasValueError($"An HDF5 dataset has at most {MaxRank} dimensions. Received: name={name} of shape {NdArray.FormatShape(array.ShapeSpan)}");
            H5Group group = root;
            foreach (string part in parts[..^1].Append(VarsGroup)) group = Subgroup(group, part, name);
            if (group.ContainsKey(parts[^1])) throw Clash(name);
            group[parts[^1]] = DTypeVisitor.AcceptKind<DatasetOf, H5Dataset>(array.DType, new DatasetOf(array));
        }
        root.Write(file);
    }

    private static H5Group Subgroup(H5Group parent, string name, string tensorName)
    {
        if (!parent.TryGetValue(name, out var existing)) parent[name] = existing = new H5Group();
        return existing as H5Group ?? throw Clash(tensorName);
    }

    private static KerasValueError Clash(string name) =>
        new($"The name '{name}' needs a group where another tensor's dataset is, or the other way round, in a .weights.h5 file. Received: name={name}");

    public override IReadOnlyList<KeyValuePair<string, NdArray>> Read(FileStream file, string filepath)
    {
        var arrays = new List<KeyValuePair<string, NdArray>>();
        try
        {
            long baseAddress = H5Superblock.Check(file);
            file.Position = 0;
            using var h5 = H5File.Open(file, leaveOpen: true);
            var walk = new Walk(h5, file, baseAddress, Math.Max(BombFloorBytes, BombExpansion * file.Length), file.Length / MinLinkBytes + 1);
            walk.RequireIntact([], h5);
            ReadGroup(h5, [], arrays, walk);
        }
        // PureHDF reports a file it cannot read with plain exceptions.
        catch (Exception e) when (e is not (KerasValueError or OutOfMemoryException))
        {
            throw new KerasValueError($"Not a readable HDF5 file: {e.Message}");
        }
        return arrays;
    }

    // Keras's bounds on what a dataset may declare: compressed data can legitimately expand,
    // but not a few kilobytes into terabytes.
    private const long BombFloorBytes = 1L << 32;
    private const long BombExpansion = 1000;

    // A group can link to itself or to its ancestors (hard or soft links), which Keras never
    // writes: the walk stops at a depth no model reaches and after more links than the file's
    // bytes could hold, rather than recursing until the stack overflows (an abort of R) or
    // following a chain of shared groups exponentially often.
    private const int MaxDepth = 256;
    private const long MinLinkBytes = 8;

    private sealed class Walk(IH5Object root, Stream file, long baseAddress, long maxBytes, long maxLinks)
    {
        public long MaxBytes { get; } = maxBytes;

        private long _links;

        public void Follow(List<string> path, IH5Object child)
        {
            if (path.Count > MaxDepth || ++_links > maxLinks)
                throw new KerasValueError(
                    $"The groups of the file link back to themselves, or reach the same groups over and over (at '{string.Join('/', path.Take(8))}/...'): " +
                    "a .weights.h5 file is a tree of groups, as Keras writes it.");
            if (H5Internals.InOtherFile(child, root))
                throw new KerasValueError(
                    $"Not allowed: '{string.Join('/', [.. path, child.Name])}' is a link into another file (an HDF5 external link), as Keras refuses it.");
            RequireIntact(path, child);
        }

        // The object's header holds its links or (compact) elements: read unchecked, a damaged
        // byte there would be a changed value or a missing dataset.
        public void RequireIntact(List<string> path, IH5Object item)
        {
            long position = file.Position;
            H5Checksums.RequireObjectHeader(file, baseAddress + (long)H5Internals.HeaderAddress(item), string.Join('/', [.. path, item.Name]));
            file.Position = position;
        }
    }

    private static void ReadGroup(IH5Group group, List<string> path, List<KeyValuePair<string, NdArray>> arrays, Walk walk)
    {
        foreach (var child in group.Children())
        {
            if (child is IH5UnresolvedLink link)
                throw new KerasValueError($"The link '{link.Name}' cannot be followed: {link.Reason?.Message}");
            walk.Follow(path, child);
            switch (child)
            {
                case IH5Group subgroup:
                    ReadGroup(subgroup, [.. path, child.Name], arrays, walk);
                    break;
                case IH5Dataset dataset:
                    // vars/ is where Keras keeps variables, not part of their names.
                    var parts = path.Count > 0 && path[^1] == VarsGroup ? path[..^1] : path;
                    var array = ReadDataset(dataset, string.Join('/', [.. path, child.Name]), walk.MaxBytes);
                    arrays.Add(new(string.Join('/', [.. parts, child.Name]), array));
                    break;
            }
        }
    }

    private static NdArray ReadDataset(IH5Dataset dataset, string name, long maxBytes)
    {
        long[] shape = dataset.Space.Type switch
        {
            H5DataspaceType.Scalar => [],
            H5DataspaceType.Simple => [.. dataset.Space.Dimensions.Select(d => d <= long.MaxValue ? (long)d : -1)],
            _ => throw new KerasValueError($"The dataset '{name}' has no elements (a null dataspace)."),
        };
        NdArray.RequireSupportedRank(shape.Length);
        if (H5Internals.IsExternal(dataset))
            throw new KerasValueError($"Not allowed: the dataset '{name}' keeps its elements in other files (HDF5 external storage), as Keras refuses it.");
        if (dataset.Layout.Class == H5DataLayoutClass.VirtualStorage)
            throw new KerasValueError($"Not allowed: the dataset '{name}' is a virtual dataset, whose elements are other files' datasets, as Keras refuses it.");
        bool markedBFloat16 = IsMarkedBFloat16(dataset);
        var dtype = DTypeOf(dataset, name, markedBFloat16);
        int swapped = BigEndianComponentBytes(dataset.Type, name);
        long bytes = TensorElements.RequireStored(dtype, shape, long.MaxValue, $"the dataset '{name}'");
        if (bytes > maxBytes)
            throw new KerasValueError(
                $"The dataset '{name}' declares {bytes} bytes, more than {BombExpansion} times the file's size: refusing a potential decompression bomb, as Keras does.");
        RequireOneArray(bytes, "save the dataset with h5py or Keras", $"Received: dataset '{name}' of shape {NdArray.FormatShape(shape)} and dtype {DTypes.Name(dtype)}");
        var array = DTypeVisitor.Accept<RowMajorReader, NdArray>(dtype, new RowMajorReader(dataset, shape, swapped));
        // Keras converts any dataset marked bfloat16 by value (np.array(value, dtype=bfloat16)).
        return dtype != DType.BFloat16 && markedBFloat16 ? array.Cast(DType.BFloat16) : array;
    }

    // PureHDF reads and writes a dataset's elements through one .NET array.
    private static void RequireOneArray(long bytes, string advice, string received)
    {
        if (bytes > int.MaxValue)
            throw new KerasValueError(
                $"A .weights.h5 dataset holds at most {int.MaxValue} bytes here (PureHDF reads and writes it through one .NET array); {advice} of {bytes} bytes to a .npy, .npz or .safetensors file. {received}");
    }

    private static DType DTypeOf(IH5Dataset dataset, string name, bool markedBFloat16)
    {
        var type = dataset.Type;
        int size = (int)type.Size;
        if (type.Class == H5DataTypeClass.Opaque && size == 2 && markedBFloat16) return DType.BFloat16;
        var kind = type.Class switch
        {
            H5DataTypeClass.FloatingPoint => DTypeKind.Float,
            H5DataTypeClass.FixedPoint => type.FixedPoint.IsSigned ? DTypeKind.SignedInteger : DTypeKind.UnsignedInteger,
            H5DataTypeClass.Enumerated when size == 1 => DTypeKind.Bool,
            H5DataTypeClass.Compound when IsComplex(type.Compound, size) => DTypeKind.Complex,
            _ => throw new KerasValueError($"The dataset '{name}' has an HDF5 type kerasbridge cannot read ({type.Class}, {size} bytes)."),
        };
        IH5DataType[] numbers = kind == DTypeKind.Complex ? [.. type.Compound.Members.Select(m => m.Type)] : [type];
        if (kind is not DTypeKind.Bool && !numbers.All(H5Internals.HasStandardLayout))
            throw new KerasValueError($"The dataset '{name}' has {type.Class} elements laid out in bits as no dtype is (another exponent bias, precision or bit offset).");
        // The table lists float16 before bfloat16: a 2-byte HDF5 float is IEEE's.
        var row = DTypeTable.All.FirstOrDefault(r => r.Kind == kind && r.ElementSize == size)
            ?? throw new KerasValueError($"The dataset '{name}' has {size}-byte {type.Class} elements, which no dtype has.");
        return row.DType;
    }

    private static bool IsMarkedBFloat16(IH5Dataset dataset) =>
        dataset.AttributeExists(DTypeAttribute)
        && dataset.Attribute(DTypeAttribute) is { Type.Class: H5DataTypeClass.String or H5DataTypeClass.VariableLength } attribute
        && attribute.Read<string>() == "bfloat16";

    // h5py's complex numbers: fields r and i, each a float of half the size, in that order.
    private static bool IsComplex(ICompoundType compound, int size) =>
        compound.Members is [var r, var i]
        && r is { Name: "r", Offset: 0, Type.Class: H5DataTypeClass.FloatingPoint }
        && i.Name == "i" && i.Offset == size / 2 && i.Type.Class == H5DataTypeClass.FloatingPoint
        && r.Type.Size * 2 == size && i.Type.Size * 2 == size;

    // The size of the numbers of a big-endian element type (both parts of a complex number);
    // 0 for a little-endian one or one of single bytes.
    private static int BigEndianComponentBytes(IH5DataType type, string name)
    {
        IH5DataType[] components = type.Class switch
        {
            H5DataTypeClass.FloatingPoint or H5DataTypeClass.FixedPoint => [type],
            H5DataTypeClass.Compound => [.. type.Compound.Members.Select(m => m.Type)],
            _ => [],
        };
        var orders = components.Where(c => c.Size > 1).Select(H5Internals.ByteOrder).Distinct().ToArray();
        return orders switch
        {
            [] or ["LittleEndian"] => 0,
            ["BigEndian"] => components[0].Size,
            _ => throw new KerasValueError($"The dataset '{name}' has elements of byte order {string.Join(" and ", orders)}, which kerasbridge cannot read."),
        };
    }

    // Elements PureHDF would not map by itself (bools, complex numbers, bfloat16) and big-endian
    // ones arrive as their bytes; big-endian numbers are then put in this machine's order.
    private readonly struct RowMajorReader(IH5Dataset dataset, long[] shape, int swapped) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            bool asBytes = swapped > 0 || NdArray.DTypeOf<T>() == DType.BFloat16
                || dataset.Type.Class is not (H5DataTypeClass.FloatingPoint or H5DataTypeClass.FixedPoint);
            Span<T> elements;
            if (asBytes)
            {
                var bytes = dataset.Read<byte[]>();
                for (int i = 0; swapped > 0 && i + swapped <= bytes.Length; i += swapped) bytes.AsSpan(i, swapped).Reverse();
                elements = MemoryMarshal.Cast<byte, T>(bytes.AsSpan());
            }
            else
            {
                elements = dataset.Read<T[]>();
            }
            long expected = NdArray.ElementCount(shape);
            if (elements.Length != expected)
                throw new KerasValueError($"A dataset of shape {NdArray.FormatShape(shape)} holds {elements.Length} elements, not {expected}.");
            return TensorElements.FromRowMajor(elements, shape);
        }
    }

    private readonly struct DatasetOf(NdArray array) : IDTypeKindVisitor<H5Dataset>
    {
        public H5Dataset Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Stored<T, T>();

        public H5Dataset Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Stored<T, T>();

        public H5Dataset Bool() => Stored<bool, H5Bool>();

        public H5Dataset Complex64() => Stored<Complex64, H5Complex64>();

        public H5Dataset Complex128() => Stored<Complex, H5Complex128>();

        public H5Dataset BFloat16()
        {
            var dataset = new H5Dataset(RowMajor<BFloat16, byte>(), fileDims: FileDims, opaqueInfo: new H5OpaqueInfo(2, ""));
            dataset.Attributes[DTypeAttribute] = "bfloat16";
            return dataset;
        }

        private H5Dataset Stored<T, TFile>() where T : unmanaged where TFile : unmanaged =>
            new(RowMajor<T, TFile>(), fileDims: FileDims);

        // The row-major elements in an array of the type PureHDF maps to the HDF5 type wanted,
        // of the same bytes: the one copy of the data a save makes.
        private TFile[] RowMajor<T, TFile>() where T : unmanaged where TFile : unmanaged
        {
            long count = array.NBytes / Unsafe.SizeOf<TFile>();
            RequireOneArray(array.NBytes, "save this tensor", $"Received: shape {NdArray.FormatShape(array.ShapeSpan)} and dtype {DTypes.Name(array.DType)}");
            var stored = NdArray.NewArray<TFile>((int)count, array.ShapeSpan, zeroed: false);
            array.CopyRowMajor<T>(MemoryMarshal.Cast<TFile, T>(stored.AsSpan()));
            return stored;
        }

        private ulong[] FileDims => [.. array.Shape.Select(d => (ulong)d)];
    }

    private enum H5Bool : byte { FALSE = 0, TRUE = 1 }

    [StructLayout(LayoutKind.Sequential)]
    private struct H5Complex64 { public float r; public float i; }

    [StructLayout(LayoutKind.Sequential)]
    private struct H5Complex128 { public double r; public double i; }
}
