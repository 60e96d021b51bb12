using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Serialization;

/// <summary>
/// What R's serialization writes for an engine object (the package's <c>krb_saved.c</c> asks
/// for it when R serializes the object's saved state, and hands it back when R reads it): a
/// named R list with the format number, the kind of object and everything needed to make it
/// again in another process. Tensor data is the raw bytes of <see cref="NdArray.WriteBytes"/>, so
/// every dtype comes back bit for bit (NaN payloads, -0, R's NA).
/// </summary>
/// <remarks>
/// Format 1 (this version): every record has <c>format</c> and <c>kind</c>; then
/// <c>tensor</c>: <c>dtype</c>, <c>shape</c> (doubles), <c>data</c> (raw, column-major,
/// little-endian); <c>variable</c>: those of its value, then <c>name</c>, <c>path</c>,
/// <c>trainable</c>, <c>autocast</c>, <c>aggregation</c>, <c>synchronization</c>;
/// <c>initializer</c>: <c>class_name</c>, <c>config</c>, and for one drawing from a seed
/// generator <c>seed_generator</c>, that generator's record, and for one that drew its seed (its
/// configuration has none) <c>seed_drawn</c>, TRUE, with the drawn seed in <c>config</c>;
/// <c>seed_generator</c>: <c>config</c>,
/// then its state's <c>dtype</c>, <c>shape</c>, <c>data</c>. Later versions must keep reading
/// every earlier format; a record of a later format is refused with a message saying so.
/// </remarks>
internal static class SavedObjects
{
    /// <summary>The format this version writes, and the latest it reads.</summary>
    internal const int Format = 1;

    /// <summary>The saved state of <paramref name="target"/>.</summary>
    /// <exception cref="KerasValueError">The object cannot be saved (a variable not initialized
    /// yet, an initializer wrapping an R function).</exception>
    internal static RObject State(object target) => target switch
    {
        NdArray tensor => Record("tensor", TensorFields(tensor)),
        Variable variable => Record("variable", [
            .. TensorFields(variable.AssignedValue ?? throw new KerasValueError(
                $"Variable {variable.Path} is not initialized yet (it was made in a stateless scope), so it cannot be saved.")),
            ("name", RValues.String(variable.Name)),
            ("path", RValues.String(variable.Path)),
            ("trainable", RValues.Logical(variable.Trainable)),
            ("autocast", RValues.Logical(variable.Autocast)),
            ("aggregation", RValues.String(variable.Aggregation)),
            ("synchronization", RValues.String(variable.Synchronization)),
        ]),
        Initializer { ClassName: "function" } => throw new KerasValueError(
            "An initializer made from an R function or a tensor cannot be saved: only Keras's initializers have a config."),
        Initializer initializer => Record("initializer", [
            ("class_name", RValues.String(initializer.ClassName)),
            ("config", ConfigValues.ToR(SavedConfig(initializer))),
            .. SeedGeneratorOf(initializer) is { } generator ? [("seed_generator", State(generator))] : Array.Empty<(string, RObject)>(),
            .. DrewItsSeed(initializer) ? [("seed_drawn", RValues.Logical(true))] : Array.Empty<(string, RObject)>(),
        ]),
        SeedGenerator generator => Record("seed_generator", [
            ("config", ConfigValues.ToR(generator.GetConfig())),
            .. TensorFields(generator.StateVariable.Value),
        ]),
        _ => throw new KerasTypeError($"A {target.GetType().Name} cannot be saved."),
    };

    /// <summary>The object a saved state describes, made again.</summary>
    /// <exception cref="KerasValueError">The state is damaged, or of a later format.</exception>
    internal static object Restore(Sexp state)
    {
        var fields = new Fields(state);
        int format = fields.Int("format");
        if (format < 1 || format > Format)
            throw new KerasValueError(
                $"This kerasbridge object was saved in format {format}, by a later version of kerasbridge; this version reads formats 1 to {Format}. Update kerasbridge to read it.");
        string kind = fields.String("kind");
        switch (kind)
        {
            case "tensor":
                return fields.Tensor();
            case "variable":
                return Variable.Restore(fields.Tensor(), fields.String("name"), fields.String("path"), fields.Bool("trainable"),
                    fields.Bool("autocast"), fields.String("aggregation"), fields.String("synchronization"));
            case "initializer":
                var config = Args.Config(fields.Get("config"));
                if (fields.Has("seed_drawn") && config.GetValueOrDefault("seed") is long or int)
                    config["seed"] = RandomSeed.Drawn(Convert.ToInt64(config["seed"], System.Globalization.CultureInfo.InvariantCulture));
                var initializer = Initializer.FromConfig(fields.String("class_name"), config);
                if (fields.Has("seed_generator") && SeedGeneratorOf(initializer) is { } seeds)
                    seeds.StateVariable.Assign(new Fields(fields.Get("seed_generator")).Tensor());
                return initializer;
            case "seed_generator":
                var generator = SeedGenerator.FromConfig(Args.Config(fields.Get("config")));
                generator.StateVariable.Assign(fields.Tensor());
                return generator;
            default:
                throw Damaged($"it is of an unknown kind. Received: kind='{kind}'");
        }
    }

    /// <summary>The seed generator a random initializer draws from, whose state is saved with it
    /// (its config holds only the generator's first seed).</summary>
    private static SeedGenerator? SeedGeneratorOf(Initializer initializer) =>
        initializer is RandomInitializer { InitialSeed.Generator: { } generator } ? generator : null;

    private static bool DrewItsSeed(Initializer initializer) => initializer is RandomInitializer { InitialSeed: null };

    /// <summary>A random initializer that drew its seed keeps the drawn one, so that the restored
    /// initializer gives the values the saved one gave; <c>seed_drawn</c> says that its
    /// configuration had none (a format-1 reader without it keeps the seed in the configuration).</summary>
    private static IReadOnlyDictionary<string, object?> SavedConfig(Initializer initializer)
    {
        var config = initializer.GetConfig();
        if (!DrewItsSeed(initializer)) return config;
        return new Dictionary<string, object?>(config) { ["seed"] = ((RandomInitializer)initializer).Seed.Value };
    }

    private static unsafe (string, RObject)[] TensorFields(NdArray tensor)
    {
        var data = RValues.Allocate(SexpType.Raw, tensor.NBytes);
        using (var into = new UnmanagedMemoryStream((byte*)RValues.DataOf(data.Sexp), 0, tensor.NBytes, FileAccess.Write))
            tensor.WriteBytes(into);
        return [
            ("dtype", RValues.String(DTypes.Name(tensor.DType))),
            ("shape", RValues.Doubles([.. tensor.ShapeSpan.ToArray().Select(d => (double)d)])),
            ("data", data),
        ];
    }

    private static RObject Record(string kind, (string Name, RObject Value)[] fields)
    {
        using var format = RValues.Integer(Format);
        using var kindValue = RValues.String(kind);
        try
        {
            return RValues.List([format, kindValue, .. fields.Select(f => f.Value)], ["format", "kind", .. fields.Select(f => f.Name)]);
        }
        finally
        {
            foreach (var (_, value) in fields) value.Dispose();
        }
    }

    private static KerasValueError Damaged(string why) => new($"Cannot restore a kerasbridge object: its saved state is damaged ({why}).");

    /// <summary>The fields of a saved state, each read with its type checked.</summary>
    private readonly struct Fields
    {
        private readonly Sexp _state;
        private readonly string?[] _names;

        public Fields(Sexp state)
        {
            if (RValues.TypeOf(state) != SexpType.List) throw Damaged($"it is not a list. Received: {RValues.Describe(state)}");
            _state = state;
            _names = RValues.NamesOf(state);
        }

        public bool Has(string name) => Array.IndexOf(_names, name) >= 0;

        public Sexp Get(string name)
        {
            int i = Array.IndexOf(_names, name);
            return i >= 0 ? RValues.ElementAt(_state, i) : throw Damaged($"it has no `{name}`");
        }

        public string String(string name) =>
            Get(name) is var x && RValues.TypeOf(x) == SexpType.Character && RValues.LengthOf(x) == 1 && RValues.StringAt(x, 0) is { } s
                ? s
                : throw Damaged($"`{name}` is not a string");

        public int Int(string name) =>
            Get(name) is var x && RValues.TypeOf(x) == SexpType.Integer && RValues.LengthOf(x) == 1 && Args.NumberAt(x, 0) is var v && v == (int)v
                ? (int)v
                : throw Damaged($"`{name}` is not an integer");

        public unsafe bool Bool(string name) =>
            Get(name) is var x && RValues.TypeOf(x) == SexpType.Logical && RValues.LengthOf(x) == 1 && *(int*)RValues.DataOf(x) is var v && v is 0 or 1
                ? v == 1
                : throw Damaged($"`{name}` is not TRUE or FALSE");

        public unsafe NdArray Tensor()
        {
            DType dtype = DTypes.Standardize(String("dtype"));
            Sexp shape = Get("shape"), data = Get("data");
            if (RValues.TypeOf(shape) != SexpType.Double || RValues.LengthOf(shape) > NdArray.MaxRank)
                throw Damaged("`shape` is not a vector of dimensions");
            var dims = new long[RValues.LengthOf(shape)];
            for (int i = 0; i < dims.Length; i++)
            {
                double d = Args.NumberAt(shape, i);
                if (!(d >= 0 && d <= long.MaxValue) || d != Math.Floor(d)) throw Damaged($"`shape` has the dimension {d}");
                dims[i] = (long)d;
            }
            if (RValues.TypeOf(data) != SexpType.Raw) throw Damaged("`data` is not a raw vector");
            long length = RValues.LengthOf(data);
            long expected;
            try { expected = checked(NdArray.ElementCount(dims) * DTypes.ElementSize(dtype)); }
            catch (Exception e) when (e is OverflowException or ArgumentException) { throw Damaged($"`shape` {NdArray.FormatShape(dims)} is too large"); }
            if (length != expected) throw Damaged($"`data` has {length} bytes where a {DTypes.Name(dtype)} tensor of shape {NdArray.FormatShape(dims)} has {expected}");
            using var from = new UnmanagedMemoryStream((byte*)RValues.DataOf(data), length);
            return NdArray.ReadBytes(from, dtype, dims);
        }
    }
}
