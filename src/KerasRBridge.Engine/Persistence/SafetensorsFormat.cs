using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace KerasRBridge.Engine;

/// <summary>
/// Hugging Face's <c>.safetensors</c>: an 8-byte little-endian header length, a JSON header
/// (each tensor's dtype code, shape and byte range, and an optional <c>__metadata__</c> map of
/// strings), padded with spaces to a multiple of 8, then the tensors' bytes, row-major and
/// little-endian, back to back with no gaps. Tensors are written in the order given.
/// </summary>
internal sealed class SafetensorsFormat : WeightsFormat
{
    private const string MetadataKey = "__metadata__";

    // The reference implementation's bound, which keeps a corrupt length from reading a
    // whole file as JSON.
    private const long MaxHeaderLength = 100_000_000;

    public override string Extension => ".safetensors";

    public override void Write(Stream file, IReadOnlyList<KeyValuePair<string, NdArray>> arrays)
    {
        var header = Header(arrays);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        file.Write(length);
        file.Write(header);
        foreach (var (_, array) in arrays) TensorElements.Write(file, array, rowMajor: true);
    }

    private static byte[] Header(IReadOnlyList<KeyValuePair<string, NdArray>> arrays)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            long offset = 0;
            foreach (var (name, array) in arrays)
            {
                if (name == MetadataKey)
                    throw new KerasValueError($"The name {MetadataKey} is reserved in .safetensors files. Received: name={name}");
                json.WriteStartObject(name);
                json.WriteString("dtype", CodeOf(array.DType));
                json.WriteStartArray("shape");
                foreach (long d in array.ShapeSpan) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += array.NBytes);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // Spaces up to a multiple of 8, so that the data starts aligned for 8-byte elements.
        while (buffer.Length % 8 != 0) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static string CodeOf(DType dtype) =>
        DTypeTable.Row(dtype).SafetensorsCode
        ?? throw new KerasValueError(
            $"The safetensors format has no {DTypes.Name(dtype)} dtype (its only complex dtype is C64, complex64): save to .npz, .npy or .weights.h5, or cast first. Received: dtype={DTypes.Name(dtype)}");

    public override IReadOnlyList<KeyValuePair<string, NdArray>> Read(FileStream file, string filepath)
    {
        Span<byte> lengthField = stackalloc byte[8];
        if (file.ReadAtLeast(lengthField, 8, throwOnEndOfStream: false) < 8)
            throw Invalid("it is shorter than the 8 bytes of its header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthField);
        if (headerLength > MaxHeaderLength || (long)headerLength > file.Length - 8)
            throw Invalid($"its header length {headerLength} exceeds the file ({file.Length} bytes) or the {MaxHeaderLength}-byte limit");
        var header = new byte[headerLength];
        TensorElements.ReadExactly(file, header);
        long dataStart = 8 + (long)headerLength;
        var entries = ParseHeader(header);
        RequireContiguous(entries, file.Length - dataStart);
        var arrays = new List<KeyValuePair<string, NdArray>>(entries.Count);
        foreach (var entry in entries)
        {
            file.Position = dataStart + entry.Begin;
            arrays.Add(new(entry.Name, TensorElements.Read(file, entry.DType, entry.Shape, rowMajor: true, bigEndian: false)));
        }
        return arrays;
    }

    private sealed record Entry(string Name, DType DType, long[] Shape, long Begin, long End);

    // The tensors in the order of their data, which is the file's order whatever the JSON's.
    private static List<Entry> ParseHeader(byte[] header)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(header); }
        catch (DecoderFallbackException) { throw Invalid("its header is not UTF-8"); }
        JsonDocument document;
        try { document = JsonDocument.Parse(text); }
        catch (JsonException e) { throw Invalid($"its header is not valid JSON ({e.Message})"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Invalid("its header is not a JSON object");
            var entries = new List<Entry>();
            var names = new HashSet<string>();
            // System.Text.Json parses an escaped unpaired surrogate ("\udc80") and refuses it only
            // when the string is read; serde_json, safetensors' own parser, refuses it outright.
            try
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!names.Add(property.Name)) throw Invalid($"its header names '{property.Name}' twice");
                    if (property.Name == MetadataKey) RequireMetadata(property.Value);
                    else entries.Add(ParseEntry(property));
                }
            }
            catch (InvalidOperationException) { throw Invalid("its header is not valid JSON (a string holds an unpaired surrogate)"); }
            // Stable (List.Sort is not): empty tensors share their offsets, and keep the header's order.
            return [.. entries.OrderBy(e => e.Begin).ThenBy(e => e.End)];
        }
    }

    private static void RequireMetadata(JsonElement metadata)
    {
        if (metadata.ValueKind != JsonValueKind.Object
            || metadata.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            throw Invalid($"its {MetadataKey} is not a map of strings to strings");
    }

    private static Entry ParseEntry(JsonProperty property)
    {
        string name = property.Name;
        var info = property.Value;
        if (info.ValueKind != JsonValueKind.Object
            || !info.TryGetProperty("dtype", out var code) || code.ValueKind != JsonValueKind.String
            || !info.TryGetProperty("shape", out var shape)
            || !info.TryGetProperty("data_offsets", out var offsets))
            throw Invalid($"the entry of '{name}' must be an object with a string 'dtype', a 'shape' and 'data_offsets'");
        string codeText = code.GetString()!;
        var row = DTypeTable.All.FirstOrDefault(r => r.SafetensorsCode == codeText)
            ?? throw Invalid($"'{name}' has the dtype code '{codeText}', which is none of {string.Join(", ", DTypeTable.All.Select(r => r.SafetensorsCode).OfType<string>())}");
        long[] dims = Integers(shape, name, "shape");
        long[] range = Integers(offsets, name, "data_offsets");
        if (range.Length != 2 || range[1] < range[0])
            throw Invalid($"the data_offsets of '{name}' must be [begin, end] with begin <= end");
        NdArray.RequireSupportedRank(dims.Length);
        return new Entry(name, row.DType, dims, range[0], range[1]);
    }

    private static long[] Integers(JsonElement array, string name, string field)
    {
        if (array.ValueKind != JsonValueKind.Array) throw Invalid($"the {field} of '{name}' is not an array");
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out values[i]) || values[i] < 0)
                throw Invalid($"the {field} of '{name}' must hold non-negative integers");
            i++;
        }
        return values;
    }

    // As the reference reader checks: the ranges tile the data exactly, each as long as its
    // tensor, so that no byte is read twice or left unexplained.
    private static void RequireContiguous(List<Entry> entries, long dataLength)
    {
        long expected = 0;
        foreach (var entry in entries)
        {
            if (entry.Begin != expected)
                throw Invalid($"the data of '{entry.Name}' starts at byte {entry.Begin}, not {expected}: the ranges overlap or leave a gap");
            long size = entry.End - entry.Begin;
            if (size != TensorElements.RequireStored(entry.DType, entry.Shape, long.MaxValue, $"'{entry.Name}'"))
                throw Invalid($"the data_offsets of '{entry.Name}' span {size} bytes, not the size of its dtype and shape");
            expected = entry.End;
        }
        if (expected != dataLength)
            throw Invalid($"its tensors' data ends at byte {expected} but the file has {dataLength} bytes of data");
    }

    private static KerasValueError Invalid(string what) => new($"Invalid .safetensors file: {what}.");
}
