using System.Buffers.Binary;

namespace KerasRBridge.Engine.Tests.Persistence;

/// <summary>Tensors to save, files to save them to, and what each format can hold.</summary>
internal static class PersistenceSamples
{
    public static readonly string[] Extensions = [".safetensors", ".npz", ".npy", ".weights.h5"];

    public static readonly DType[] AllDTypes = Enum.GetValues<DType>();

    /// <summary>Whether the format of <paramref name="extension"/> has <paramref name="dtype"/>.</summary>
    public static bool Holds(string extension, DType dtype) => (extension, dtype) switch
    {
        (".npy" or ".npz", DType.BFloat16) => false,
        (".safetensors", DType.Complex128) => false,
        _ => true,
    };

    public static IEnumerable<TestCaseData> SupportedCases() =>
        from extension in Extensions
        from dtype in AllDTypes
        where Holds(extension, dtype)
        select new TestCaseData(extension, dtype);

    public static IEnumerable<TestCaseData> UnsupportedCases() =>
        from extension in Extensions
        from dtype in AllDTypes
        where !Holds(extension, dtype)
        select new TestCaseData(extension, dtype);

    public static IEnumerable<string> ExtensionCases() => Extensions;

    /// <summary>
    /// A tensor whose bytes are arbitrary but fixed, with the float patterns a text or numeric
    /// round trip would lose first: -0, infinity, a quiet NaN with a payload, a negative NaN.
    /// </summary>
    public static NdArray Sample(DType dtype, params long[] shape)
    {
        long count = NdArray.ElementCount(shape);
        var bytes = new byte[count * DTypes.ElementSize(dtype)];
        new Random(1234 + (int)dtype).NextBytes(bytes);
        if (dtype == DType.Bool)
            for (int i = 0; i < bytes.Length; i++) bytes[i] &= 1;
        if (DTypeTable.Row(dtype).Kind is DTypeKind.Float or DTypeKind.Complex)
        {
            var patterns = SpecialFloats(DTypeTable.RealPart(dtype));
            int unit = patterns[0].Length;
            for (int i = 0; i < patterns.Length && (i + 1) * unit <= bytes.Length; i++)
                patterns[i].CopyTo(bytes, i * unit);
        }
        return NdArray.ReadBytes(new MemoryStream(bytes), dtype, shape);
    }

    /// <summary>A tensor's bytes as <see cref="NdArray.WriteBytes"/> writes them: column-major, little-endian.</summary>
    public static byte[] BytesOf(NdArray array)
    {
        var stream = new MemoryStream();
        array.WriteBytes(stream);
        return stream.ToArray();
    }

    private static byte[][] SpecialFloats(DType real) => real switch
    {
        DType.Float16 => [.. new ushort[] { 0x8000, 0x7C00, 0x7E01, 0xFC01 }.Select(Bytes)],
        DType.BFloat16 => [.. new ushort[] { 0x8000, 0x7F80, 0x7FC1, 0xFF81 }.Select(Bytes)],
        DType.Float32 => [.. new uint[] { 0x80000000, 0x7F800000, 0x7FC00001, 0xFF800001 }.Select(Bytes)],
        _ => [.. new ulong[] { 0x8000000000000000, 0x7FF0000000000000, 0x7FF8000000000001, 0xFFF0000000000001 }.Select(Bytes)],
    };

    private static byte[] Bytes(ushort v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); return b; }
    private static byte[] Bytes(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }
    private static byte[] Bytes(ulong v) { var b = new byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); return b; }

    /// <summary>A 2x3x4 float64 tensor whose element at logical [i, j, k] is 100 i + 10 j + k.</summary>
    public static NdArray Positions()
    {
        var data = new double[24];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    data[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
        return NdArray.FromColumnMajor(data, [2, 3, 4]);
    }

    /// <summary>The element at logical [i, j, k] of a 2x3x4 tensor, as a double.</summary>
    public static double At(NdArray array, int i, int j, int k) => array.ToArray<double>()[i + 2 * j + 6 * k];

    /// <summary>The name a single tensor is saved under: a .npy file gives its tensor the file's name.</summary>
    public static KeyValuePair<string, NdArray>[] One(string name, NdArray array) => [new(name, array)];
}

/// <summary>Tests that write files: each test gets a fresh directory, removed afterwards.</summary>
public abstract class FileTests
{
    /// <summary>The test's directory.</summary>
    protected string Dir { get; private set; } = null!;

    [SetUp]
    public void MakeDirectory() => Dir = Directory.CreateTempSubdirectory("krb-persistence-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(Dir, recursive: true);

    /// <summary>A file in the directory named <paramref name="stem"/> plus <paramref name="extension"/>.</summary>
    protected string FileIn(string extension, string stem = "w") => Path.Combine(Dir, stem + extension);
}
