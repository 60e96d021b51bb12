using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries.Declaring;

/// <summary>
/// How an entry point's parameter type reads its R argument: the one place where each type an
/// entry point may take is mapped to its reading, its checks and its error, which names the
/// parameter as Keras would (<c>Argument `dtype` must be a string. Received: dtype=1</c>).
/// </summary>
internal static class Readers
{
    /// <summary>The reader of a parameter of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">No entry point may take a <typeparamref name="T"/>.</exception>
    internal static Func<Sexp, T> For<T>(Parameter parameter) => (Func<Sexp, T>)Of(typeof(T), parameter);

    private static Delegate Of(Type type, Parameter p)
    {
        string name = p.Name;
        if (type == typeof(Sexp)) return (Func<Sexp, Sexp>)(x => x);
        if (type == typeof(string))
            return p.AllowsNull ? (Func<Sexp, string?>)(x => Args.OptionalString(x, name)) : (Func<Sexp, string>)(x => Args.String(x, name));
        if (type == typeof(bool)) return (Func<Sexp, bool>)(x => Args.Bool(x, name));
        if (type == typeof(int)) return (Func<Sexp, int>)(x => Args.Int(x, name));
        if (type == typeof(int?)) return (Func<Sexp, int?>)(x => RValues.IsNull(x) ? null : Args.Int(x, name));
        if (type == typeof(double)) return (Func<Sexp, double>)(x => Args.Double(x, name));
        if (type == typeof(ShapeArgument)) return (Func<Sexp, ShapeArgument>)(x => new ShapeArgument(Args.Shape(x)));
        if (type == typeof(NdArray)) return (Func<Sexp, NdArray>)(x => Objects.Tensor(x, name));
        if (type == typeof(Variable)) return (Func<Sexp, Variable>)(x => Objects.Get<Variable>(x, name));
        if (type == typeof(Pointed<Variable>)) return (Func<Sexp, Pointed<Variable>>)(x => new(x, Objects.Get<Variable>(x, name)));
        if (type == typeof(Pointed<object>)) return (Func<Sexp, Pointed<object>>)(x => new(x, Objects.Get<object>(x, name)));
        if (type == typeof(Initializer)) return (Func<Sexp, Initializer>)(x => Objects.Get<Initializer>(x, name));
        if (type == typeof(SeedGenerator)) return (Func<Sexp, SeedGenerator>)(x => Objects.Get<SeedGenerator>(x, name));
        if (type == typeof(IDisposable)) return (Func<Sexp, IDisposable>)(x => Objects.Get<IDisposable>(x, name));
        if (type == typeof(REnvironmentArgument))
            return (Func<Sexp, REnvironmentArgument>)(x => RValues.TypeOf(x) == SexpType.Environment
                ? new REnvironmentArgument(x)
                : throw new KerasTypeError($"Argument `{name}` must be an environment. Received: {name}={Args.Show(x)}"));
        throw new InvalidOperationException($"An entry point cannot take a {type.Name} (parameter `{name}`): add its reading to Readers.");
    }
}

/// <summary>An engine object with the R pointer it came in, for entry points that hand R an
/// object it already reaches (a variable's cached <c>$value</c>).</summary>
internal readonly record struct Pointed<T>(Sexp Pointer, T Target);

/// <summary>A shape as R gives it (<c>NULL</c>, numbers with <c>NA</c> unknown, or a list of
/// numbers and <c>NULL</c>s), for the engine's <c>standardize_shape</c> to validate.</summary>
internal readonly record struct ShapeArgument(object?[]? Dimensions);

/// <summary>An R environment (checked to be one).</summary>
internal readonly record struct REnvironmentArgument(Sexp Environment);
