using System.Diagnostics.CodeAnalysis;

namespace KerasRBridge.Engine;

/// <summary>
/// The names Keras resolves to initializer classes (<c>ALL_OBJECTS_DICT</c>): each class name,
/// its snake_case form, and the aliases.
/// </summary>
internal static class InitializerRegistry
{
    private static readonly Dictionary<string, Func<ConfigArguments, Initializer>> Factories = Build();

    /// <summary>Creates the initializer <paramref name="name"/> stands for from <paramref name="config"/>.</summary>
    public static bool TryCreate(string name, IReadOnlyDictionary<string, object?> config, [NotNullWhen(true)] out Initializer? initializer)
    {
        if (!Factories.TryGetValue(name, out var factory))
        {
            initializer = null;
            return false;
        }
        var arguments = new ConfigArguments(config);
        initializer = factory(arguments);
        arguments.EnsureAllTaken(initializer.ClassName);
        return true;
    }

    private static Dictionary<string, Func<ConfigArguments, Initializer>> Build()
    {
        var factories = new Dictionary<string, Func<ConfigArguments, Initializer>>(StringComparer.Ordinal);
        void Add(string className, string snakeName, Func<ConfigArguments, Initializer> factory)
        {
            factories[className] = factory;
            factories[snakeName] = factory;
        }
        Func<ConfigArguments, Initializer> Preset(Func<RandomSeed?, int[]?, int[]?, Initializer> create) =>
            a => create(a.Seed(), a.Axes("input_axes"), a.Axes("output_axes"));

        Add("Constant", "constant", Constant.FromArguments);
        Add("Identity", "identity", Identity.FromArguments);
        Add("Ones", "ones", _ => new Ones());
        Add("Zeros", "zeros", _ => new Zeros());
        Add("GlorotNormal", "glorot_normal", Preset((s, i, o) => new GlorotNormal(s, i, o)));
        Add("GlorotUniform", "glorot_uniform", Preset((s, i, o) => new GlorotUniform(s, i, o)));
        Add("HeNormal", "he_normal", Preset((s, i, o) => new HeNormal(s, i, o)));
        Add("HeUniform", "he_uniform", Preset((s, i, o) => new HeUniform(s, i, o)));
        Add("LecunNormal", "lecun_normal", Preset((s, i, o) => new LecunNormal(s, i, o)));
        Add("LecunUniform", "lecun_uniform", Preset((s, i, o) => new LecunUniform(s, i, o)));
        Add("Orthogonal", "orthogonal", Orthogonal.FromArguments);
        Add("RandomNormal", "random_normal", RandomNormal.FromArguments);
        Add("RandomUniform", "random_uniform", RandomUniform.FromArguments);
        Add("TruncatedNormal", "truncated_normal", TruncatedNormal.FromArguments);
        Add("VarianceScaling", "variance_scaling", VarianceScaling.FromArguments);
        Add("STFT", "stft", Stft.FromArguments);

        factories["IdentityInitializer"] = factories["Identity"];
        factories["normal"] = factories["RandomNormal"];
        factories["one"] = factories["Ones"];
        factories["OrthogonalInitializer"] = factories["Orthogonal"];
        factories["STFTInitializer"] = factories["STFT"];
        factories["uniform"] = factories["RandomUniform"];
        factories["zero"] = factories["Zeros"];
        return factories;
    }
}
