using System.Numerics.Tensors;

namespace KerasRBridge.Engine.Tests;

/// <summary>A tensor's elements live in a storage: a .NET array, or memory someone else owns.</summary>
public class TensorStorageTests
{
    [Test]
    public void A_tensor_made_from_a_dotnet_array_keeps_its_elements_in_that_array()
    {
        var data = new[] { 1.0, 2.0, 3.0 };
        var x = NdArray.FromColumnMajor(data, [3]);
        Assert.That(x.Storage, Is.InstanceOf<ArrayStorage<double>>());
        Assert.That(x.Storage.Length, Is.EqualTo(3));
        Assert.That(x.AsSpan().ToArray(), Is.EqualTo(data));
    }

    [Test]
    public unsafe void Pinning_a_tensor_gives_the_address_of_its_first_element()
    {
        var x = NdArray.FromColumnMajor(new[] { 4, 5, 6 }, [3]);
        using var pin = x.Pin();
        Assert.That(((int*)pin.Pointer)[0], Is.EqualTo(4));
        Assert.That(((int*)pin.Pointer)[2], Is.EqualTo(6));
    }

    [Test]
    public unsafe void An_empty_tensor_can_be_pinned_too()
    {
        using var pin = NdArray.Zeros<float>([0, 3]).Pin();
        Assert.That((nint)pin.Pointer, Is.Not.EqualTo(nint.Zero));
    }

    [Test]
    public void Storage_whose_length_does_not_fill_the_shape_is_rejected()
    {
        Assert.Throws<KerasValueError>(() => new NdArray<float>(new ArrayStorage<float>(new float[5]), [2, 3]));
        Assert.Throws<ArgumentNullException>(() => new NdArray<float>(null!, [2, 3]));
    }

    [Test]
    public void Storage_whose_span_is_shorter_than_its_length_is_rejected_before_anything_reads_past_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NdArray<double>(new ShortSpanStorage(), [3, 3]));
        Assert.That(ex!.Message, Does.StartWith("The storage's span has 2 elements, but its Length says 9."));
    }

    private sealed class ShortSpanStorage : TensorStorage<double>
    {
        private readonly double[] _elements = [0, 1];
        public override int Length => 9;
        public override Span<double> GetSpan() => _elements;
        public override System.Buffers.MemoryHandle Pin() => new Memory<double>(_elements).Pin();
    }

    [Test]
    public unsafe void Memory_owned_elsewhere_is_pinned_where_it_is()
    {
        using var storage = new NativeStorage<double>(1, 2, 3, 4);
        var x = new NdArray<double>(storage, [2, 2]);
        using var pin = x.Pin();
        Assert.That((nint)pin.Pointer, Is.EqualTo(storage.Address));
    }

    [Test]
    public void Operations_read_memory_owned_elsewhere_as_they_read_arrays()
    {
        using var a = new NativeStorage<float>(1, 2, 3, 4, 5, 6);
        using var b = new NativeStorage<float>(10, 20, 30);
        var x = new NdArray<float>(a, [2, 3]);
        var row = new NdArray<float>(b, [1, 3]);

        Assert.That((x + row).ToArray<float>(), Is.EqualTo(new float[] { 11, 12, 23, 24, 35, 36 }));
        Assert.That(x.Cast(DType.Int64).ToArray<long>(), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(Indexer.Get(x, new IndexItem.Scalar(1)).ToArray<float>(), Is.EqualTo(new float[] { 2, 4, 6 }));
        Assert.That(x.Format(), Is.EqualTo("[[1. 3. 5.]\n [2. 4. 6.]]"));
        Assert.That(x.ToTensor<float>()[1, 2], Is.EqualTo(6f));
    }

    [Test]
    public void An_operation_asks_each_storage_for_its_span_once_not_per_element()
    {
        using var a = new NativeStorage<double>([.. Enumerable.Range(0, 1000).Select(i => (double)i)]);
        using var b = new NativeStorage<double>([.. Enumerable.Range(0, 1000).Select(i => (double)-i)]);
        var x = new NdArray<double>(a, [1000]);
        var y = new NdArray<double>(b, [1000]);
        Assert.That((a.SpanRequests, b.SpanRequests), Is.EqualTo((1, 1)), "wrapping checks the span's length once");

        var sum = Ops.Add(x, y);
        Assert.That((a.SpanRequests, b.SpanRequests), Is.EqualTo((2, 2)));
        Assert.That(sum.ToArray<double>(), Is.All.EqualTo(0.0));

        x.Cast(DType.Float32);
        Assert.That(a.SpanRequests, Is.EqualTo(3));
    }

    [Test]
    public void A_variable_can_hold_a_value_in_memory_owned_elsewhere()
    {
        using var storage = new NativeStorage<double>(1, 2);
        var v = new Variable(new NdArray<double>(storage, [2]));
        v.AssignAdd(1.0);
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 2.0, 3.0 }));
        Assert.That(storage.GetSpan().ToArray(), Is.EqualTo(new[] { 1.0, 2.0 }), "the old value is left as it was");
    }
}
