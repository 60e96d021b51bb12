using System.Buffers.Binary;
using System.Text;
using static KerasRBridge.Engine.Tests.Persistence.PersistenceSamples;

namespace KerasRBridge.Engine.Tests.Persistence;

public class PersistenceErrorTests : FileTests
{
    private string[] FilesLeft() => [.. Directory.GetFiles(Dir).Select(Path.GetFileName).OfType<string>()];

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Loading_a_missing_file_is_file_not_found(string extension)
    {
        string path = FileIn(extension);
        var e = Assert.Throws<FileNotFoundException>(() => VariableStore.Load(path))!;
        Assert.That(e.Message, Does.Contain(path));
    }

    [Test]
    public void Saving_into_a_missing_directory_names_the_users_path()
    {
        string path = Path.Combine(Dir, "missing", "w.npz");
        var e = Assert.Throws<DirectoryNotFoundException>(() => VariableStore.Save(path, One("w", Sample(DType.Float32, 2))))!;
        Assert.That(e.Message, Does.Contain($"'{path}'").And.Not.Contain(".tmp"));
    }

    [Test]
    public void Saving_to_a_directory_is_refused_as_an_existing_file_or_as_a_directory()
    {
        string path = FileIn(".npz");
        Directory.CreateDirectory(path);
        Assert.Throws<KerasFileExistsError>(() => VariableStore.Save(path, One("w", Sample(DType.Float32, 2))));
        var e = Assert.Throws<KerasIsADirectoryError>(() => VariableStore.Save(path, One("w", Sample(DType.Float32, 2)), overwrite: true))!;
        Assert.That(e.Message, Does.Contain($"'{path}'"));
    }

    [Test]
    public void Saving_through_a_symbolic_link_replaces_the_file_it_names_and_keeps_the_link()
    {
        string target = FileIn(".npz"), link = Path.Combine(Dir, "link.npz");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);
        VariableStore.Save(link, One("w", Sample(DType.Float32, 2)), overwrite: true);
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        Assert.That(VariableStore.Load(target).Single().Key, Is.EqualTo("w"));
    }

    [Test]
    public void Saving_through_a_dangling_link_makes_the_file_it_names()
    {
        string target = Path.Combine(Dir, "made.npz"), link = Path.Combine(Dir, "dangling.npz");
        File.CreateSymbolicLink(link, target);
        VariableStore.Save(link, One("w", Sample(DType.Float32, 2)));
        Assert.That(VariableStore.Load(target).Single().Key, Is.EqualTo("w"));
    }

    [Test]
    public void Saving_into_a_directory_that_cannot_be_written_names_the_users_path()
    {
        var e = Assert.Catch<SystemException>(() => VariableStore.Save("/proc/w.npz", One("w", Sample(DType.Float32, 2))))!;
        Assert.That(e.Message, Does.Contain("'/proc/w.npz'").And.Not.Contain(".tmp"));
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Saving_over_a_file_without_overwrite_is_refused_in_keras3s_words(string extension)
    {
        string path = FileIn(extension);
        File.WriteAllText(path, "keep me");
        var e = Assert.Throws<KerasFileExistsError>(() => VariableStore.Save(path, One("w", Sample(DType.Float32, 2))))!;
        Assert.That(e.Message, Is.EqualTo($"File '{path}' already exists (pass overwrite: true to force save)."));
        Assert.That(File.ReadAllText(path), Is.EqualTo("keep me"));
        Assert.That(FilesLeft(), Has.Length.EqualTo(1));
    }

    [TestCase("w.h5")]
    [TestCase("w.bin")]
    [TestCase("w.npy.txt")]
    [TestCase("safetensors")]
    public void An_unknown_extension_is_a_value_error_naming_the_accepted_ones(string file)
    {
        string path = Path.Combine(Dir, file);
        var save = Assert.Throws<KerasValueError>(() => VariableStore.Save(path, One("w", Sample(DType.Float32, 2))))!;
        var load = Assert.Throws<KerasValueError>(() => VariableStore.Load(path))!;
        foreach (var e in new[] { save, load })
            Assert.That(e.Message, Does.Contain("`.safetensors`").And.Contain("`.weights.h5`").And.Contain($"Received: filepath={path}"));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [TestCase("")]
    [TestCase(null)]
    public void An_empty_name_is_a_value_error(string? name)
    {
        Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".npz"), One(name!, Sample(DType.Float32, 2))));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void A_repeated_name_is_a_value_error()
    {
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".safetensors"),
            [new("w", Sample(DType.Float32, 2)), new("w", Sample(DType.Float32, 3))]))!;
        Assert.That(e.Message, Does.Contain("unique"));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void A_npy_file_takes_exactly_one_tensor()
    {
        Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".npy"), [new("a", Sample(DType.Float32, 2)), new("b", Sample(DType.Float32, 2))]));
        Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".npy"), []));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(UnsupportedCases))]
    public void A_dtype_the_format_lacks_is_a_value_error_that_leaves_no_file(string extension, DType dtype)
    {
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(extension), One("w", Sample(dtype, 2))))!;
        Assert.That(e.Message, Does.Contain(DTypes.Name(dtype)));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void A_failed_save_leaves_the_earlier_file_as_it_was()
    {
        string path = FileIn(".npz");
        VariableStore.Save(path, One("w", Sample(DType.Float32, 2)));
        byte[] before = File.ReadAllBytes(path);
        Assert.Throws<KerasValueError>(() => VariableStore.Save(path, [new("a", Sample(DType.Float32, 3)), new("b", Sample(DType.BFloat16, 2))], overwrite: true));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(FilesLeft(), Is.EqualTo(new[] { "w.npz" }));
    }

    [TestCase("a//b")]
    [TestCase("/a")]
    [TestCase("a/")]
    [TestCase("a/./b")]
    public void An_h5_name_with_an_empty_or_dot_part_is_a_value_error(string name)
    {
        Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".weights.h5"), One(name, Sample(DType.Float32, 2))));
    }

    [Test]
    public void H5_names_that_need_a_dataset_and_a_group_at_one_path_are_a_value_error()
    {
        Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".weights.h5"),
            [new("a/b", Sample(DType.Float32, 2)), new("a/vars/b/c", Sample(DType.Float32, 2))]));
    }

    [Test]
    public void An_h5_dataset_of_more_than_32_dimensions_is_a_value_error()
    {
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".weights.h5"), One("w", Sample(DType.Float32, [.. Enumerable.Repeat(1L, 33)]))))!;
        Assert.That(e.Message, Does.Contain("32"));
        Assert.That(FilesLeft(), Is.Empty);
    }

    [Test]
    public void The_safetensors_metadata_key_is_not_a_tensor_name()
    {
        Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".safetensors"), One("__metadata__", Sample(DType.Float32, 2))));
    }

    // A .safetensors file from its header text and data bytes.
    private string Safetensors(string header, int dataBytes, long? declaredLength = null)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(declaredLength ?? headerBytes.Length));
        headerBytes.CopyTo(bytes, 8);
        string path = FileIn(".safetensors", Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [TestCase("""{"a\u0000b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", "Every name in the file must be text R and Python can hold", TestName = "Safetensors_name_with_a_nul_character")]
    [TestCase("""{"a\udc80":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", "Invalid .safetensors file: its header is not valid JSON", TestName = "Safetensors_name_with_an_unpaired_surrogate")]
    public void A_name_r_cannot_hold_is_a_value_error_naming_the_file(string header, string saying)
    {
        string path = Safetensors(header, 4);
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Load(path))!;
        Assert.That(e.Message, Does.StartWith($"Cannot load '{path}': {saying}"));
    }

    [Test]
    public void A_safetensors_file_with_any_key_order_and_metadata_reads()
    {
        string path = Safetensors("""{"b":{"data_offsets":[8,12],"shape":[],"dtype":"I32"},"__metadata__":{"format":"pt"},"a":{"shape":[2],"dtype":"F32","data_offsets":[0,8]}}""", 12);
        var loaded = VariableStore.Load(path);
        Assert.That(loaded.Select(pair => pair.Key), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(loaded[1].Value.Shape, Is.Empty);
    }

    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}""", 8, TestName = "Safetensors_header_that_is_not_json")]
    [TestCase("""[1, 2]""", 0, TestName = "Safetensors_header_that_is_not_an_object")]
    [TestCase("""{"a":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}}""", 2, TestName = "Safetensors_dtype_code_the_engine_lacks")]
    [TestCase("""{"a":{"dtype":"X","shape":[2],"data_offsets":[0,2]}}""", 2, TestName = "Safetensors_unknown_dtype_code")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[12,16]}}""", 16, TestName = "Safetensors_offsets_with_a_gap")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12, TestName = "Safetensors_overlapping_offsets")]
    [TestCase("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, TestName = "Safetensors_offsets_that_do_not_match_the_shape")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 4, TestName = "Safetensors_truncated_data")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 12, TestName = "Safetensors_bytes_after_the_data")]
    [TestCase("""{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", 8, TestName = "Safetensors_negative_dimension")]
    [TestCase("""{"a":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}""", 8, TestName = "Safetensors_dimension_that_is_a_string")]
    [TestCase("""{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8, TestName = "Safetensors_shape_whose_size_overflows")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", 8, TestName = "Safetensors_reversed_offsets")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2]}}""", 8, TestName = "Safetensors_missing_offsets")]
    [TestCase("""{"__metadata__":{"n":1}}""", 0, TestName = "Safetensors_metadata_that_is_not_strings")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8, TestName = "Safetensors_name_given_twice")]
    public void A_corrupt_safetensors_file_is_a_value_error(string header, int dataBytes)
    {
        string path = Safetensors(header, dataBytes);
        Assert.Throws<KerasValueError>(() => VariableStore.Load(path));
    }

    [TestCase(4L, TestName = "Safetensors_file_shorter_than_its_length_field")]
    [TestCase(1L << 40, TestName = "Safetensors_header_length_beyond_the_file")]
    [TestCase(-1L, TestName = "Safetensors_header_length_of_2_to_the_64_minus_1")]
    public void A_safetensors_header_length_that_cannot_be_is_a_value_error(long declared)
    {
        string path = declared == 4
            ? WriteBytes(".safetensors", [1, 2, 3, 4])
            : Safetensors("""{}      """, 0, declared);
        Assert.Throws<KerasValueError>(() => VariableStore.Load(path));
    }

    private string WriteBytes(string extension, byte[] bytes)
    {
        string path = FileIn(extension, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // The header of a valid .npy file of two float32.
    private const string TwoFloats = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}";

    // A .npy file from its header text (padded by NumPy's rule) and data bytes.
    private string Npy(string dict, int dataBytes, byte major = 1)
    {
        var text = Encoding.UTF8.GetBytes(dict + "\n");
        int prefix = major == 1 ? 10 : 12;
        var bytes = new byte[prefix + text.Length + dataBytes];
        new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 }.CopyTo(bytes, 0);
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)text.Length);
        text.CopyTo(bytes, prefix);
        return WriteBytes(".npy", bytes);
    }

    [Test]
    public void A_npy_header_in_any_key_order_with_double_quotes_reads()
    {
        string path = Npy("""{"shape": (2,), 'fortran_order': False, 'descr': '<i2'}""", 4);
        Assert.That(VariableStore.Load(path).Single().Value.Shape, Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void A_npy_descr_without_a_byte_order_reads_as_this_machines_as_numpy_reads_it()
    {
        string path = Npy("{'descr': 'i2', 'fortran_order': False, 'shape': (2,), }", 4);
        var loaded = VariableStore.Load(path).Single().Value;
        Assert.That(loaded.DType, Is.EqualTo(DType.Int16));
        Assert.That(loaded.Shape, Is.EqualTo(new long[] { 2 }));
    }

    [TestCase((byte)2)]
    [TestCase((byte)3)]
    public void Npy_format_versions_2_and_3_read(byte major)
    {
        string path = Npy("{'descr': '>u4', 'fortran_order': True, 'shape': (1, 2), }", 8, major);
        File.WriteAllBytes(path, [.. File.ReadAllBytes(path)[..^8], 0, 0, 0, 5, 0, 0, 1, 0]);
        Assert.That(VariableStore.Load(path).Single().Value.ToArray<uint>(), Is.EqualTo(new uint[] { 5, 256 }));
    }

    // A .weights.h5 file h5py writes with <paramref name="statement"/> on the open file f.
    private string H5pyFile(string statement, string options = "")
    {
        PythonReader.Require("numpy", "h5py");
        string path = FileIn(".weights.h5", Guid.NewGuid().ToString("N"));
        PythonReader.Output($"import sys, h5py, numpy as np\nwith h5py.File(sys.argv[1], 'w'{options}) as f: {statement}", path);
        return path;
    }

    private static void AssertLoadFails(string path, string saying)
    {
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Load(path))!;
        Assert.That(e.Message, Does.Contain(saying));
    }

    [Test]
    public void A_tensor_of_more_bytes_than_purehdf_writes_is_a_value_error_naming_the_other_formats()
    {
        // 2^30 float16 elements: 2 GiB, one byte more than PureHDF's byte array holds; never touched.
        var big = NdArray.Zeros(DType.Float16, [1L << 30]);
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Save(FileIn(".weights.h5"), One("w", big)))!;
        Assert.That(e.Message, Does.Contain("save this tensor of 2147483648 bytes to a .npy, .npz or .safetensors file"));
        Assert.That(File.Exists(FileIn(".weights.h5")), Is.False);
    }

    [Test]
    public void An_h5_dataset_marked_bfloat16_converts_by_value_as_keras_reads_it()
    {
        var loaded = VariableStore.Load(H5pyFile("f['vars/w'] = np.array([1.0, -2.5], 'f2'); f['vars/w'].attrs['dtype'] = 'bfloat16'")).Single().Value;
        Assert.That(loaded.DType, Is.EqualTo(DType.BFloat16));
        Assert.That(loaded.Cast(DType.Float32).ToArray<float>(), Is.EqualTo(new[] { 1f, -2.5f }));
    }

    [Test]
    public void An_h5_dataset_declaring_far_more_than_the_file_holds_is_refused()
    {
        AssertLoadFails(H5pyFile("f.create_dataset('vars/w', shape=(10**6, 10**6), dtype='f4', chunks=(1, 1))"), "bomb");
    }

    [TestCase("{'descr': '<f4', 'fortran_order': False}", 8, TestName = "Npy_header_without_shape")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", 8, TestName = "Npy_header_with_an_extra_key")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (2)}", 8, TestName = "Npy_shape_that_is_not_a_tuple")]
    [TestCase("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", 8, TestName = "Npy_fortran_order_that_is_not_a_bool")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}", 8, TestName = "Npy_negative_dimension")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", 8, TestName = "Npy_dict_that_is_not_closed")]
    [TestCase("{'descr': '<f4, 'fortran_order': False, 'shape': (2,)}", 8, TestName = "Npy_string_that_is_not_closed")]
    [TestCase("{'descr': '<U3', 'fortran_order': False, 'shape': (2,)}", 24, TestName = "Npy_string_dtype")]
    [TestCase("{'descr': '|V2', 'fortran_order': False, 'shape': (2,)}", 4, TestName = "Npy_void_dtype")]
    [TestCase("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,)}", 8, TestName = "Npy_structured_dtype")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", 7, TestName = "Npy_truncated_data")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000000,)}", 8, TestName = "Npy_shape_far_beyond_the_data")]
    [TestCase("{'descr': '|b1', 'fortran_order': False, 'shape': (2,)}", 2, TestName = "Npy_bool_that_is_not_0_or_1")]
    public void A_corrupt_npy_file_is_a_value_error(string dict, int dataBytes)
    {
        string path = Npy(dict, dataBytes);
        if (dict.Contains("|b1")) File.WriteAllBytes(path, [.. File.ReadAllBytes(path)[..^2], 1, 7]);
        Assert.Throws<KerasValueError>(() => VariableStore.Load(path));
    }

    [Test]
    public void A_npy_file_without_the_magic_string_is_a_value_error()
    {
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Load(WriteBytes(".npy", Encoding.ASCII.GetBytes("PK\u0003\u0004 not numpy"))))!;
        Assert.That(e.Message, Does.Contain("magic"));
        Assert.Throws<KerasValueError>(() => VariableStore.Load(WriteBytes(".npy", [])));
    }

    [Test]
    public void A_npy_version_the_engine_does_not_know_is_a_value_error()
    {
        Assert.Throws<KerasValueError>(() => VariableStore.Load(Npy(TwoFloats, 8, major: 9)));
    }

    [Test]
    public void A_npy_header_cut_short_is_a_value_error()
    {
        byte[] whole = File.ReadAllBytes(Npy(TwoFloats, 8));
        Assert.Throws<KerasValueError>(() => VariableStore.Load(WriteBytes(".npy", whole[..30])));
    }

    [TestCaseSource(typeof(PersistenceSamples), nameof(ExtensionCases))]
    public void Bytes_of_another_kind_are_a_value_error(string extension)
    {
        var text = Encoding.ASCII.GetBytes("\u0089HDF\r\n not the format at all, just a few dozen bytes of text");
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Load(WriteBytes(extension, text)))!;
        Assert.That(e.Message, Does.Contain("Cannot load"));
    }

    [TestCaseSource(nameof(TruncationCases))]
    public void A_truncated_file_is_a_value_error(string extension, int fraction)
    {
        string path = FileIn(extension);
        VariableStore.Save(path, One("w", Sample(DType.Float64, 30, 10)));
        byte[] whole = File.ReadAllBytes(path);
        Assert.Throws<KerasValueError>(() => VariableStore.Load(WriteBytes(extension, whole[..(whole.Length * (fraction - 1) / fraction)])));
    }

    private static IEnumerable<TestCaseData> TruncationCases() =>
        from extension in Extensions
        from fraction in new[] { 2, 4, 100 }
        select new TestCaseData(extension, fraction);

    // An .npz file of one member named <paramref name="member"/> holding <paramref name="content"/>.
    private string Npz(string member, byte[] content)
    {
        string path = FileIn(".npz", Guid.NewGuid().ToString("N"));
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        using var stream = zip.CreateEntry(member).Open();
        stream.Write(content);
        return path;
    }

    [Test]
    public void An_npz_member_that_is_not_npy_is_a_value_error()
    {
        var e = Assert.Throws<KerasValueError>(() => VariableStore.Load(Npz("notes.txt", Encoding.ASCII.GetBytes("hello"))))!;
        Assert.That(e.Message, Does.Contain("notes.txt"));
    }

    [Test]
    public void An_npz_member_with_a_corrupt_npy_is_a_value_error()
    {
        byte[] npy = File.ReadAllBytes(Npy(TwoFloats, 8));
        Assert.Throws<KerasValueError>(() => VariableStore.Load(Npz("w.npy", npy[..40])));
    }

    [TestCase(2)]
    [TestCase(4)]
    public void A_truncated_h5_file_is_a_value_error(int fraction)
    {
        string path = FileIn(".weights.h5");
        VariableStore.Save(path, [new("a/k", Sample(DType.Float64, 300)), new("b", Sample(DType.Float32, 30))]);
        byte[] whole = File.ReadAllBytes(path);
        Assert.Throws<KerasValueError>(() => VariableStore.Load(WriteBytes(".weights.h5", whole[..(whole.Length / fraction)])));
    }

    [TestCase("earliest", 0)]
    [TestCase("latest", 0)]
    [TestCase("earliest", 512)]
    [TestCase("latest", 512)]
    public void An_h5py_file_cut_by_a_few_bytes_is_a_value_error(string libver, int userBlock)
    {
        string path = H5pyFile("f['vars/w'] = np.arange(300.0)", $", libver='{libver}', userblock_size={userBlock}");
        Assert.That(VariableStore.Load(path).Single().Value.ToArray<double>()[299], Is.EqualTo(299));
        AssertLoadFails(WriteBytes(".weights.h5", File.ReadAllBytes(path)[..^5]), "truncated");
    }

    [Test]
    public void Lookup3_gives_the_checksums_of_Jenkins_s_reference()
    {
        Assert.That(H5Checksums.Lookup3([]), Is.EqualTo(0xdeadbeefu));
        Assert.That(H5Checksums.Lookup3("Four score and seven years ago"u8), Is.EqualTo(0x17770551u));
    }

    [Test]
    public void A_damaged_element_of_a_small_h5_dataset_is_a_value_error_not_a_changed_value()
    {
        string path = FileIn(".weights.h5");
        VariableStore.Save(path, One("w", NdArray.FromColumnMajor(new float[] { 1, 2, 3, 4 }, [4])));
        byte[] bytes = File.ReadAllBytes(path);
        int three = bytes.AsSpan().IndexOf(BitConverter.GetBytes(3f));
        bytes[three + 3] ^= 0x01;
        AssertLoadFails(WriteBytes(".weights.h5", bytes), "checksum of the object header of 'vars/w'");
    }

    [Test]
    public void A_damaged_link_name_in_an_h5_group_is_a_value_error_not_a_missing_dataset()
    {
        string path = FileIn(".weights.h5");
        VariableStore.Save(path, [new("first", Sample(DType.Float32, 2)), new("second", Sample(DType.Float32, 2))]);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.AsSpan().IndexOf("second"u8)] ^= 0x20;
        AssertLoadFails(WriteBytes(".weights.h5", bytes), "checksum");
    }

    [Test]
    public void A_damaged_version_3_superblock_is_a_value_error()
    {
        string path = FileIn(".weights.h5");
        VariableStore.Save(path, One("w", Sample(DType.Float32, 2)));
        byte[] bytes = File.ReadAllBytes(path);
        Assert.That(bytes[8], Is.EqualTo(3), "this engine writes superblock version 3");
        bytes[19] ^= 0x40;
        AssertLoadFails(WriteBytes(".weights.h5", bytes), "checksum of its superblock");
    }

    [Test]
    public void H5_datasets_that_give_one_name_twice_are_a_value_error()
    {
        AssertLoadFails(H5pyFile("f['a/vars/b'] = np.zeros(2); f['a/b'] = np.zeros(2)"), "unique");
    }

    [Test]
    public void An_h5_dataset_of_a_type_without_a_dtype_is_a_value_error()
    {
        AssertLoadFails(H5pyFile("f['vars/s'] = np.array([b'ab', b'cd'])"), "cannot read");
    }
}
