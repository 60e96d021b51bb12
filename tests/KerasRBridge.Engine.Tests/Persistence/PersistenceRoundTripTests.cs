using static KerasRBridge.Engine.Tests.Persistence.PersistenceSamples;

namespace KerasRBridge.Engine.Tests.Persistence;

public class PersistenceRoundTripTests : FileTests
{
    private NdArray RoundTrip(string extension, NdArray array)
    {
        string path = FileIn(extension);
        VariableStore.Save(path, One("w", array), overwrite: true);
        var loaded = VariableStore.Load(path);
        Assert.That(loaded.Select(pair => pair.Key), Is.EqualTo(new[] { "w" }));
        return loaded[0].Value;
    }

    private static void AssertSame(NdArray actual, NdArray expected)
    {
        Assert.That(actual.DType, Is.EqualTo(expected.DType));
        Assert.That(actual.Shape, Is.EqualTo(expected.Shape));
        Assert.That(BytesOf(actual), Is.EqualTo(BytesOf(expected)));
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(SupportedCases))]
    public void Every_dtype_round_trips_bit_for_bit(string extension, DType dtype)
    {
        var array = Sample(dtype, 2, 3, 4);
        AssertSame(RoundTrip(extension, array), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(SupportedCases))]
    public void A_scalar_round_trips(string extension, DType dtype)
    {
        var array = Sample(dtype);
        AssertSame(RoundTrip(extension, array), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(SupportedCases))]
    public void An_empty_tensor_round_trips(string extension, DType dtype)
    {
        var array = Sample(dtype, 2, 0, 3);
        AssertSame(RoundTrip(extension, array), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void A_vector_and_a_matrix_round_trip(string extension)
    {
        foreach (var array in new[] { Sample(DType.Float32, 7), Sample(DType.Float32, 33, 65), Sample(DType.Int16, 1, 1, 1, 2, 1, 3) })
            AssertSame(RoundTrip(extension, array), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void A_tensor_of_many_io_blocks_round_trips(string extension)
    {
        var array = Sample(DType.Float32, 1500, 3001);
        AssertSame(RoundTrip(extension, array), array);
    }

    [Test]
    public void A_npy_file_is_written_in_fortran_order_with_its_data_aligned_to_64_bytes()
    {
        string path = FileIn(".npy");
        var array = Sample(DType.Int16, 3, 5);
        VariableStore.Save(path, One("w", array));
        byte[] bytes = File.ReadAllBytes(path);
        int dataStart = bytes.Length - (int)array.NBytes;
        Assert.That(dataStart % 64, Is.Zero);
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 10, dataStart - 10), Does.StartWith("{'descr': '<i2', 'fortran_order': True, 'shape': (3, 5), }").And.EndWith("\n"));
        Assert.That(bytes[dataStart..], Is.EqualTo(BytesOf(array)));
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void A_tensor_of_the_most_dimensions_the_format_allows_round_trips(string extension)
    {
        int rank = extension == ".weights.h5" ? 32 : NdArray.MaxRank;
        var shape = Enumerable.Repeat(1L, rank).ToArray();
        shape[0] = 2;
        shape[^1] = 3;
        var array = Sample(DType.Int32, shape);
        AssertSame(RoundTrip(extension, array), array);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Elements_keep_their_logical_positions(string extension)
    {
        var loaded = RoundTrip(extension, Positions());
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    Assert.That(At(loaded, i, j, k), Is.EqualTo(100 * i + 10 * j + k));
    }

    [TestCase(".safetensors")]
    [TestCase(".npz")]
    [TestCase(".weights.h5")]
    public void Several_tensors_keep_their_names_and_values(string extension)
    {
        string path = FileIn(extension);
        KeyValuePair<string, NdArray>[] arrays =
        [
            new("dense/kernel", Sample(DType.Float32, 3, 2)),
            new("dense/bias", Sample(DType.Float32, 2)),
            new("step", Sample(DType.Int64)),
            new("flags", Sample(DType.Bool, 5)),
        ];
        VariableStore.Save(path, arrays);
        var loaded = VariableStore.Load(path).ToDictionary();
        Assert.That(loaded.Keys, Is.EquivalentTo(arrays.Select(pair => pair.Key)));
        foreach (var (name, array) in arrays) AssertSame(loaded[name], array);
    }

    [TestCase(".safetensors")]
    [TestCase(".npz")]
    public void Tensors_load_in_the_order_they_were_saved(string extension)
    {
        string path = FileIn(extension);
        string[] names = ["z", "a", "m/x", "b"];
        VariableStore.Save(path, [.. names.Select(name => new KeyValuePair<string, NdArray>(name, Sample(DType.Float64, 2)))]);
        Assert.That(VariableStore.Load(path).Select(pair => pair.Key), Is.EqualTo(names));
    }

    [Test]
    public void A_npy_file_names_its_tensor_after_the_file()
    {
        string path = FileIn(".npy", stem: "kernel");
        VariableStore.Save(path, One("anything", Sample(DType.Float32, 2)));
        Assert.That(VariableStore.Load(path).Single().Key, Is.EqualTo("kernel"));
    }

    [Test]
    public void The_extension_is_matched_without_regard_to_case()
    {
        string path = FileIn(".SafeTensors");
        VariableStore.Save(path, One("w", Sample(DType.Float32, 2)));
        AssertSame(VariableStore.Load(path).Single().Value, Sample(DType.Float32, 2));
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Overwrite_replaces_an_existing_file(string extension)
    {
        string path = FileIn(extension);
        VariableStore.Save(path, One("w", Sample(DType.Float32, 2)));
        VariableStore.Save(path, One("w", Sample(DType.Int32, 3)), overwrite: true);
        AssertSame(VariableStore.Load(path).Single().Value, Sample(DType.Int32, 3));
    }

    [Test]
    public void A_save_leaves_no_temporary_file()
    {
        VariableStore.Save(FileIn(".npz"), One("w", Sample(DType.Float32, 2)));
        Assert.That(Directory.GetFiles(Dir).Select(Path.GetFileName), Is.EqualTo(new[] { "w.npz" }));
    }

    [TestCase(".safetensors")]
    [TestCase(".npz")]
    [TestCase(".weights.h5")]
    public void No_tensors_make_a_file_with_no_tensors(string extension)
    {
        string path = FileIn(extension);
        VariableStore.Save(path, []);
        Assert.That(VariableStore.Load(path), Is.Empty);
    }
}
