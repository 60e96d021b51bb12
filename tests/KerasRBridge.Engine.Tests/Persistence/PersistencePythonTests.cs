using System.Numerics;
using System.Text.Json;
using static KerasRBridge.Engine.Tests.Persistence.PersistenceSamples;

namespace KerasRBridge.Engine.Tests.Persistence;

/// <summary>Our files read by NumPy and h5py, and theirs read by us.</summary>
public class PersistencePythonTests : FileTests
{
    private static string KindOf(string extension) => extension.Split('.')[^1];

    private static string[] ModulesFor(string extension) => extension == ".weights.h5" ? ["numpy", "h5py"] : ["numpy"];

    // The name a tensor saved as "w" has in Python: h5py sees the dataset vars/w.
    private static string PythonName(string extension) => extension == ".weights.h5" ? "vars/w" : "w";

    private static string ExpectedDType(DType dtype) => DTypes.Name(dtype);

    private JsonElement ReadWithPython(string extension, NdArray array)
    {
        PythonReader.Require(ModulesFor(extension));
        string path = FileIn(extension);
        VariableStore.Save(path, One("w", array), overwrite: true);
        return PythonReader.Json(PythonScripts.Reader, path, KindOf(extension));
    }

    private static void AssertPythonSees(JsonElement entry, NdArray array)
    {
        Assert.That(entry.GetProperty("dtype").GetString(), Is.EqualTo(ExpectedDType(array.DType)));
        Assert.That(entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), Is.EqualTo(array.Shape));
        Assert.That(entry.GetProperty("hex").GetString(), Is.EqualTo(Convert.ToHexStringLower(BytesOf(array))));
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(SupportedCases))]
    public void Python_reads_every_dtype_we_write_bit_for_bit(string extension, DType dtype)
    {
        var array = Sample(dtype, 2, 3, 4);
        AssertPythonSees(ReadWithPython(extension, array).GetProperty(PythonName(extension)), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Python_reads_scalars_and_empty_tensors_we_write(string extension)
    {
        foreach (var array in new[] { Sample(DType.Float64), Sample(DType.Int32, 0), Sample(DType.UInt8, 3, 0, 2) })
            AssertPythonSees(ReadWithPython(extension, array).GetProperty(PythonName(extension)), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Python_finds_each_element_at_its_logical_index(string extension)
    {
        var entry = ReadWithPython(extension, Positions()).GetProperty(PythonName(extension));
        Assert.That(entry.GetProperty("at123").GetDouble(), Is.EqualTo(123));
    }

    [Test]
    public void H5py_sees_the_keras_layout_of_names()
    {
        PythonReader.Require("numpy", "h5py");
        string path = FileIn(".weights.h5");
        VariableStore.Save(path, [new("layers/dense/kernel", Sample(DType.Float32, 2)), new("step", Sample(DType.Int64))]);
        var entries = PythonReader.Json(PythonScripts.Reader, path, "h5");
        Assert.That(entries.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "layers/dense/vars/kernel", "vars/step" }));
    }

    [Test]
    public void We_read_numpy_files_in_every_order_and_byte_order()
    {
        PythonReader.Require("numpy");
        PythonReader.Output(PythonScripts.NumPyWriter, Dir);
        foreach (string stem in new[] { "c_order", "fortran_order", "big_endian", "big_endian_fortran" })
        {
            var array = VariableStore.Load(FileIn(".npy", stem)).Single().Value;
            AssertPositions(array, stem);
        }
        Assert.That(VariableStore.Load(FileIn(".npy", "c_order")).Single().Value.DType, Is.EqualTo(DType.Float32));
        Assert.That(VariableStore.Load(FileIn(".npy", "big_endian_fortran")).Single().Value.DType, Is.EqualTo(DType.Int16));
    }

    [Test]
    public void We_read_numpy_complex_bools_scalars_and_empty_arrays()
    {
        PythonReader.Require("numpy");
        PythonReader.Output(PythonScripts.NumPyWriter, Dir);
        var complex = VariableStore.Load(FileIn(".npy", "big_endian_complex")).Single().Value;
        var bools = VariableStore.Load(FileIn(".npy", "bools")).Single().Value;
        var scalar = VariableStore.Load(FileIn(".npy", "scalar")).Single().Value;
        var empty = VariableStore.Load(FileIn(".npy", "empty")).Single().Value;
        Assert.That(complex.DType, Is.EqualTo(DType.Complex128));
        Assert.That(complex.AsSpan<Complex>()[1 + 2 * 2 + 6 * 3], Is.EqualTo(new Complex(123, -123)));
        Assert.That(bools.AsSpan<bool>()[1 + 2 * 2 + 6 * 3], Is.True);
        Assert.That(bools.AsSpan<bool>()[1 + 2 * 0 + 6 * 0], Is.False);
        Assert.That((scalar.Shape, scalar.ToArray<float>()), Is.EqualTo((Array.Empty<long>(), new[] { 2.5f })));
        Assert.That((empty.Shape, empty.DType), Is.EqualTo((new long[] { 0, 3 }, DType.UInt16)));
    }

    [Test]
    public void We_read_numpy_savez_and_savez_compressed()
    {
        PythonReader.Require("numpy");
        PythonReader.Output(PythonScripts.NumPyWriter, Dir);
        var plain = VariableStore.Load(FileIn(".npz", "plain")).ToDictionary();
        var compressed = VariableStore.Load(FileIn(".npz", "compressed")).ToDictionary();
        Assert.That(plain.Keys, Is.EqualTo(new[] { "half", "odd", "complex" }));
        AssertPositions(plain["half"], "half");
        Assert.That(plain["half"].DType, Is.EqualTo(DType.Float16));
        Assert.That(plain["odd"].AsSpan<bool>()[1 + 2 * 2 + 6 * 3], Is.True);
        Assert.That(plain["complex"].AsSpan<Complex64>()[1 + 2 * 2 + 6 * 3], Is.EqualTo(new Complex64(123, 2)));
        AssertPositions(compressed["big"], "big");
        AssertPositions(compressed["small"], "small");
        Assert.That((compressed["big"].DType, compressed["small"].DType), Is.EqualTo((DType.UInt64, DType.Int8)));
    }

    [Test]
    public void We_read_h5py_files_in_the_keras_layout()
    {
        PythonReader.Require("numpy", "h5py");
        PythonReader.Output(PythonScripts.H5pyWriter, Dir);
        var loaded = VariableStore.Load(FileIn(".weights.h5", "keras")).ToDictionary();
        Assert.That(loaded.Keys, Is.EquivalentTo(new[]
        {
            "layers/dense/0", "layers/dense/1", "seed", "loose", "misc/flags", "misc/z", "misc/scalar", "misc/empty", "misc/bf", "chunked/k",
        }));
        AssertPositions(loaded["layers/dense/0"], "kernel");
        AssertPositions(loaded["loose"], "loose");
        AssertPositions(loaded["chunked/k"], "chunked");
        AssertPositions(loaded["misc/bf"], "bfloat16");
        Assert.That(loaded["misc/bf"].DType, Is.EqualTo(DType.BFloat16));
        Assert.That(loaded["seed"].ToArray<uint>(), Is.EqualTo(new uint[] { 1, 2 }));
        Assert.That(loaded["misc/flags"].AsSpan<bool>()[1 + 2 * 2 + 6 * 3], Is.False);
        Assert.That(loaded["misc/flags"].AsSpan<bool>()[0], Is.True);
        Assert.That(loaded["misc/z"].AsSpan<Complex>()[1 + 2 * 2 + 6 * 3], Is.EqualTo(new Complex(123, 123)));
        Assert.That(BitConverter.DoubleToInt64Bits(loaded["misc/scalar"].ToArray<double>()[0]), Is.EqualTo(BitConverter.DoubleToInt64Bits(-0.0)));
        Assert.That((loaded["misc/empty"].Shape, loaded["misc/empty"].DType), Is.EqualTo((new long[] { 3, 0 }, DType.Int32)));
    }

    [TestCase("loop", "link back to themselves")]
    [TestCase("soft_loop", "link back to themselves")]
    [TestCase("shared", "link back to themselves")]
    [TestCase("external", "Not allowed: the dataset 'vars/0' keeps its elements in other files")]
    [TestCase("external_link", "is a link into another file (an HDF5 external link)")]
    [TestCase("virtual", "Not allowed: the dataset 'vars/0' is a virtual dataset")]
    [TestCase("dangling", "The link 'gone' cannot be followed")]
    public void H5_files_keras_would_refuse_are_refused_without_following_their_links(string stem, string message)
    {
        PythonReader.Require("numpy", "h5py");
        PythonReader.Output(PythonScripts.H5pyUnusual, Dir);
        var ex = Assert.Throws<KerasValueError>(() => VariableStore.Load(FileIn(".weights.h5", stem)));
        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public void We_read_big_endian_h5_datasets_of_every_numeric_dtype()
    {
        PythonReader.Require("numpy", "h5py");
        PythonReader.Output(PythonScripts.H5pyUnusual, Dir);
        var loaded = VariableStore.Load(FileIn(".weights.h5", "big_endian")).ToDictionary();
        Assert.That(loaded.Keys, Is.EquivalentTo(new[] { "f2", "f4", "f8", "i2", "i4", "i8", "u2", "u4", "u8", "c8", "c16" }));
        foreach (var (name, array) in loaded)
        {
            if (DTypes.IsComplex(array.DType))
                Assert.That(array.Cast(DType.Complex128).AsSpan<Complex>()[1 + 2 * 2 + 6 * 3], Is.EqualTo(new Complex(123, -123)), name);
            else
                AssertPositions(array, name);
        }
    }

    private static void AssertPositions(NdArray array, string what)
    {
        Assert.That(array.Shape, Is.EqualTo(new long[] { 2, 3, 4 }), what);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    Assert.That(At(array, i, j, k), Is.EqualTo(100 * i + 10 * j + k), $"{what}[{i}, {j}, {k}]");
    }
}
