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
            H5Superblock.RequireComplete(file);
            file.Position = 0;
            using var h5 = H5File.Open(file, leaveOpen: true);
            ReadGroup(h5, [], arrays, Math.Max(BombFloorBytes, BombExpansion * file.Length));
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

    private static void ReadGroup(IH5Group group, List<string> path, List<KeyValuePair<string, NdArray>> arrays, long maxBytes)
    {
        foreach (var child in group.Children())
        {
            switch (child)
            {
                case IH5Group subgroup:
                    ReadGroup(subgroup, [.. path, child.Name], arrays, maxBytes);
                    break;
                case IH5Dataset dataset:
                    // vars/ is where Keras keeps variables, not part of their names.
                    var parts = path.Count > 0 && path[^1] == VarsGroup ? path[..^1] : path;
                    var array = ReadDataset(dataset, string.Join('/', [.. path, child.Name]), maxBytes);
                    arrays.Add(new(string.Join('/', [.. parts, child.Name]), array));
                    break;
                case IH5UnresolvedLink link:
                    throw new KerasValueError($"The link '{link.Name}' cannot be followed: {link.Reason?.Message}");
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
        var dtype = DTypeOf(dataset, name);
        long bytes = TensorElements.RequireStored(dtype, shape, long.MaxValue, $"the dataset '{name}'");
        if (bytes > maxBytes)
            throw new KerasValueError(
                $"The dataset '{name}' declares {bytes} bytes, more than {BombExpansion} times the file's size: refusing a potential decompression bomb, as Keras does.");
        return DTypeVisitor.Accept<RowMajorReader, NdArray>(dtype, new RowMajorReader(dataset, shape));
    }

    private static DType DTypeOf(IH5Dataset dataset, string name)
    {
        var type = dataset.Type;
        int size = (int)type.Size;
        if (size == 2 && IsMarkedBFloat16(dataset)) return DType.BFloat16;
        var kind = type.Class switch
        {
            H5DataTypeClass.FloatingPoint => DTypeKind.Float,
            H5DataTypeClass.FixedPoint => type.FixedPoint.IsSigned ? DTypeKind.SignedInteger : DTypeKind.UnsignedInteger,
            H5DataTypeClass.Enumerated when size == 1 => DTypeKind.Bool,
            H5DataTypeClass.Compound when IsComplex(type.Compound, size) => DTypeKind.Complex,
            _ => throw new KerasValueError($"The dataset '{name}' has an HDF5 type kerasbridge cannot read ({type.Class}, {size} bytes)."),
        };
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

    // Elements whose type PureHDF would not map by itself arrive as their bytes.
    private readonly struct RowMajorReader(IH5Dataset dataset, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            bool asBytes = dataset.Type.Class is not (H5DataTypeClass.FloatingPoint or H5DataTypeClass.FixedPoint)
                || NdArray.DTypeOf<T>() == DType.BFloat16;
            Span<T> elements = asBytes ? MemoryMarshal.Cast<byte, T>(dataset.Read<byte[]>().AsSpan()) : dataset.Read<T[]>();
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
            if (count > Array.MaxLength)
                throw KerasMemoryError.ForArray(array.ShapeSpan, array.DType, "PureHDF writes from one .NET array, and this tensor's elements do not fit one.");
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
