namespace KerasRBridge.Engine.Tests;

public class MemoryErrorTests
{
    [Test]
    public void A_tensor_too_large_for_one_array_is_a_memory_error_in_numpys_words()
    {
        var e = Assert.Throws<KerasMemoryError>(() => NdArray.Zeros(DType.Float32, [1_000_000, 1_000_000]));
        Assert.That(e!.Message, Is.EqualTo(
            "Unable to allocate 3.64 TiB for an array with shape (1000000, 1000000) and data type float32: " +
            "a tensor holds at most 2147483591 elements."));
    }

    [Test]
    public void An_element_count_beyond_64_bits_is_a_memory_error_too()
    {
        var e = Assert.Throws<KerasMemoryError>(() => NdArray.Full(DType.Float64, [1L << 40, 1L << 40], 1));
        Assert.That(e!.Message, Does.StartWith("Unable to allocate 8388608 EiB").And.Contain("(1099511627776, 1099511627776)"));
    }

    [Test]
    public void A_memory_error_is_an_out_of_memory_exception_for_dotnet_callers()
    {
        Assert.That(new KerasMemoryError("x"), Is.InstanceOf<OutOfMemoryException>());
    }

    [Test]
    public void A_zero_dimension_makes_an_empty_tensor_whatever_the_others()
    {
        Assert.That(NdArray.Zeros(DType.Float64, [0, 1L << 40]).Size, Is.Zero);
    }

    [Test]
    public void More_than_64_dimensions_is_a_value_error()
    {
        var e = Assert.Throws<KerasValueError>(() => NdArray.Zeros(DType.Float32, Enumerable.Repeat(1L, 65).ToArray()));
        Assert.That(e!.Message, Is.EqualTo("maximum supported dimension for an ndarray is 64, found 65"));
    }

    [TestCase(0, "0 bytes")]
    [TestCase(1000, "1000 bytes")]
    [TestCase(1024, "1.00 KiB")]
    [TestCase(1536, "1.50 KiB")]
    [TestCase(800_000_000, "763. MiB")]
    [TestCase(40_000_000, "38.1 MiB")]
    [TestCase(1_073_741_312, "1.00 GiB")]
    public void Sizes_are_in_binary_units_with_three_significant_digits(double bytes, string expected)
    {
        Assert.That(KerasMemoryError.FormatBytes(bytes), Is.EqualTo(expected));
    }

    [Test]
    public void Storage_too_large_is_refused_before_anything_is_allocated()
    {
        Assert.Throws<KerasMemoryError>(() => NdArray.NewStorage<double>([3_000_000_000L]));
    }

    [Test]
    public void Arrays_more_than_the_machine_holds_are_refused_before_they_are_built()
    {
        long elements = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8 / 4 + 1;
        Assume.That(elements, Is.LessThan(Array.MaxLength), "a machine whose memory a quarter of one tensor exceeds");
        Assert.DoesNotThrow(() => NdArray.RequireAllocatable([elements], DType.Float64));
        var e = Assert.Throws<KerasMemoryError>(() => NdArray.RequireAllocatable([elements], DType.Float64, copies: 4));
        Assert.That(e!.Message, Does.StartWith("Unable to allocate").And.EndWith("and data type float64: not enough memory."));
        Assert.Throws<KerasMemoryError>(() => NdArray.RequireAllocatable([3_000_000_000L], DType.Int8));
    }

    [Test]
    public void A_random_sample_too_large_leaves_its_seed_generator_as_it_was()
    {
        var generator = new SeedGenerator(seed: 7);
        var untouched = new SeedGenerator(seed: 7);
        Assert.Throws<KerasMemoryError>(() => RandomOps.Normal([1L << 40], seed: generator));
        Assert.That(RandomOps.Normal([4], seed: generator).ToArray<float>(),
            Is.EqualTo(RandomOps.Normal([4], seed: untouched).ToArray<float>()));
    }

    [TestCase("eye")]
    [TestCase("tri")]
    [TestCase("arange")]
    [TestCase("tile")]
    [TestCase("one_hot")]
    [TestCase("categorical")]
    public void Ops_whose_result_would_be_too_large_are_a_memory_error_naming_its_shape(string op)
    {
        var vector = NdArray.FromColumnMajor(new double[] { 1, 2 }, [2]);
        Func<NdArray> make = op switch
        {
            "eye" => () => Ops.Eye(int.MaxValue),
            "tri" => () => Ops.Tri(100_000),
            "arange" => () => Ops.Arange(0, 1e12, 1, DType.Float32),
            "tile" => () => Ops.Tile(vector, [1L << 31]),
            "one_hot" => () => Ops.OneHot(vector, int.MaxValue),
            _ => () => RandomOps.Categorical(NdArray.Zeros(DType.Float32, [2, 3]), 1L << 31),
        };
        var e = Assert.Throws<KerasMemoryError>(() => make());
        Assert.That(e!.Message, Does.StartWith("Unable to allocate"));
    }

    [Test]
    public void Arange_to_an_infinite_bound_cannot_compute_its_length()
    {
        var e = Assert.Throws<KerasValueError>(() => Ops.Arange(double.NegativeInfinity, 5, 1, DType.Float32));
        Assert.That(e!.Message, Does.StartWith("arange: cannot compute length"));
    }

    [Test]
    public void Expand_dims_beyond_the_supported_rank_is_a_value_error_at_once()
    {
        var axes = Enumerable.Range(0, 1_000_000).ToArray();
        var e = Assert.Throws<KerasValueError>(() => Ops.ExpandDims(NdArray.Zeros(DType.Float32, [2]), axes));
        Assert.That(e!.Message, Is.EqualTo("maximum supported dimension for an ndarray is 64, found 1000001"));
    }
}
