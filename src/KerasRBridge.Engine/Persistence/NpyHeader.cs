using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace KerasRBridge.Engine;

/// <summary>
/// The header of a <c>.npy</c> file (NumPy's format, versions 1.0 to 3.0): the magic string,
/// the version, and a Python dict literal naming the dtype, the element order and the shape.
/// </summary>
/// <param name="DType">The elements' dtype.</param>
/// <param name="BigEndian">Whether the elements are stored big-endian.</param>
/// <param name="FortranOrder">Whether the elements are stored column-major.</param>
/// <param name="Shape">The array's shape.</param>
/// <param name="Length">The bytes the header takes, magic string included.</param>
internal sealed record NpyHeader(DType DType, bool BigEndian, bool FortranOrder, long[] Shape, long Length)
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // NumPy pads the header so that the data starts on a multiple of 64 bytes, for memory maps.
    private const int Alignment = 64;

    // NumPy refuses headers over 10000 bytes unless told otherwise; a far larger bound still
    // stops a corrupt length from making us read a whole file as a header.
    private const int MaxHeaderLength = 1 << 20;

    /// <summary>Writes the header of <paramref name="array"/> stored column-major
    /// (<c>fortran_order: True</c>): the engine's own order, so the data needs no reordering.</summary>
    /// <exception cref="KerasValueError">NumPy has no dtype for the tensor's (bfloat16).</exception>
    public static void Write(Stream stream, NdArray array)
    {
        string descr = DTypeTable.Row(array.DType).NumPyDescr
            ?? throw new KerasValueError(
                $"NumPy has no {DTypes.Name(array.DType)} dtype, so .npy and .npz files cannot hold it: save to .safetensors or .weights.h5, or cast to float32 first. Received: dtype={DTypes.Name(array.DType)}");
        string dict = $"{{'descr': '{descr}', 'fortran_order': True, 'shape': {NdArray.FormatShape(array.ShapeSpan)}, }}";
        // Version 1.0 counts the header in 2 bytes, which is always enough here: the dict of a
        // tensor of the most dimensions the engine allows is under 2 KB. Only reading needs 2.0 and 3.0.
        int prefix = Magic.Length + 2 + 2;
        int padded = (prefix + dict.Length + 1 + Alignment - 1) / Alignment * Alignment - prefix;
        var bytes = new byte[prefix + padded];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)padded);
        var text = bytes.AsSpan(prefix);
        text.Fill((byte)' ');
        Encoding.ASCII.GetBytes(dict, text);
        text[^1] = (byte)'\n';
        stream.Write(bytes);
    }

    /// <summary>Reads a header and leaves <paramref name="stream"/> at the first data byte.</summary>
    /// <exception cref="KerasValueError">The bytes are not a valid header of a tensor the engine can hold.</exception>
    public static NpyHeader Read(Stream stream)
    {
        Span<byte> start = stackalloc byte[8];
        if (stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !start[..6].SequenceEqual(Magic))
            throw new KerasValueError("Not a .npy file: it does not start with NumPy's magic string \\x93NUMPY.");
        int major = start[6];
        if (major is < 1 or > 3)
            throw new KerasValueError($"Unsupported .npy format version {major}.{start[7]}: kerasbridge reads versions 1.0, 2.0 and 3.0.");
        Span<byte> lengthField = stackalloc byte[major == 1 ? 2 : 4];
        TensorElements.ReadExactly(stream, lengthField);
        long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField) : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (length > MaxHeaderLength)
            throw new KerasValueError($"Invalid .npy header: it declares {length} bytes, more than the {MaxHeaderLength} a header may have.");
        var header = new byte[length];
        TensorElements.ReadExactly(stream, header);
        // Versions 1.0 and 2.0 write the dict in Latin-1, 3.0 in UTF-8.
        string text = major == 3 ? Encoding.UTF8.GetString(header) : Encoding.Latin1.GetString(header);
        return FromDict(new PythonLiteral(text).ReadDict(), start.Length + lengthField.Length + length);
    }

    private static NpyHeader FromDict(Dictionary<string, object> dict, long length)
    {
        if (dict.Count != 3 || dict.GetValueOrDefault("descr") is not string descr
            || dict.GetValueOrDefault("fortran_order") is not bool fortran
            || dict.GetValueOrDefault("shape") is not long[] shape)
            throw new KerasValueError(
                "Invalid .npy header: it must have exactly the keys 'descr' (a string), 'fortran_order' (True or False) and 'shape' (a tuple of integers).");
        NdArray.RequireSupportedRank(shape.Length);
        var (dtype, bigEndian) = ParseDescr(descr);
        return new NpyHeader(dtype, bigEndian, fortran, shape, length);
    }

    // '<f4' is a byte order ('<' little, '>' big, '|' not applicable, '=' this machine's) and a
    // type code the dtype table declares for little-endian files.
    private static (DType, bool BigEndian) ParseDescr(string descr)
    {
        // A code with no byte order ('f8', as some writers give it) is this machine's, as
        // np.dtype('f8') reads it.
        string ordered = descr.Length >= 1 && char.IsAsciiLetter(descr[0]) ? "=" + descr : descr;
        if (ordered.Length >= 2 && ordered[0] is '<' or '>' or '|' or '=')
        {
            string code = ordered[1..];
            foreach (var row in DTypeTable.All)
                if (row.NumPyDescr is { } known && known.AsSpan(1).SequenceEqual(code))
                    return (row.DType, ordered[0] == '>' && row.ElementSize > 1);
        }
        var supported = DTypeTable.All.Where(row => row.NumPyDescr is not null).Select(row => row.NumPyDescr![1..]);
        throw new KerasValueError(
            $"Unsupported .npy dtype: kerasbridge reads {string.Join(", ", supported)} in either byte order. Received: descr={PythonRepr.Repr(descr)}");
    }

    /// <summary>The little of Python's literal syntax a .npy header uses: a dict of strings,
    /// booleans and tuples of non-negative integers.</summary>
    private ref struct PythonLiteral(string text)
    {
        private readonly string _text = text;
        private int _at;

        public Dictionary<string, object> ReadDict()
        {
            var dict = new Dictionary<string, object>();
            Expect('{');
            while (Peek() != '}')
            {
                string key = ReadString();
                Expect(':');
                if (!dict.TryAdd(key, ReadValue())) throw Invalid($"the key '{key}' appears twice");
                if (Peek() != ',') break;
                _at++;
            }
            Expect('}');
            if (Peek() != '\0') throw Invalid("text follows the dict");
            return dict;
        }

        private object ReadValue() => Peek() switch
        {
            '\'' or '"' => ReadString(),
            '(' => ReadTuple(),
            _ => ReadWord() switch
            {
                "True" => true,
                "False" => false,
                "" => throw Invalid($"unexpected '{Peek()}'"),
                var word => throw Invalid($"unexpected '{word}'"),
            },
        };

        private long[] ReadTuple()
        {
            var items = new List<long>();
            bool trailingComma = false;
            Expect('(');
            while (Peek() != ')')
            {
                string word = ReadWord().TrimEnd('L');
                if (!long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out long item))
                    throw Invalid($"'{word}' is not a dimension");
                items.Add(item);
                trailingComma = Peek() == ',';
                if (!trailingComma) break;
                _at++;
            }
            Expect(')');
            // (3) is the number 3 in Python, not a tuple.
            if (items.Count == 1 && !trailingComma) throw Invalid("the shape is not a tuple");
            return [.. items];
        }

        private string ReadString()
        {
            char quote = Peek();
            if (quote is not ('\'' or '"')) throw Invalid("expected a string");
            int end = _text.IndexOf(quote, _at + 1);
            if (end < 0) throw Invalid("a string is not closed");
            string value = _text[(_at + 1)..end];
            _at = end + 1;
            return value;
        }

        private string ReadWord()
        {
            Peek();
            int start = _at;
            while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] is '_' or '-')) _at++;
            return _text[start.._at];
        }

        private void Expect(char c)
        {
            if (Peek() != c) throw Invalid($"expected '{c}'");
            _at++;
        }

        // The next character after white space, '\0' at the end.
        private char Peek()
        {
            while (_at < _text.Length && _text[_at] is ' ' or '\n' or '\t' or '\r') _at++;
            return _at < _text.Length ? _text[_at] : '\0';
        }

        private readonly KerasValueError Invalid(string what) =>
            new($"Invalid .npy header: {what} at character {_at}. Received: header={PythonRepr.Repr(_text.TrimEnd())}");
    }
}
