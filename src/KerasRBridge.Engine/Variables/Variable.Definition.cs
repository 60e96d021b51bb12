namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    private static readonly string?[] Aggregations = [null, "none", "mean", "sum", "only_first_replica"];
    private static readonly string?[] Synchronizations = [null, "none", "on_read", "on_write", "auto"];

    /// <summary>The name, path and distribution options, validated as every constructor validates them first.</summary>
    private readonly record struct Options(string Name, string Path, string Aggregation, string Synchronization)
    {
        public static Options Validate(string? name, string? aggregation, string? synchronization)
        {
            string validName = VariableNames.Validate(string.IsNullOrEmpty(name) ? GlobalState.Uniquify("variable") : name);
            if (Array.IndexOf(Aggregations, aggregation) < 0)
                throw new KerasValueError(
                    "Invalid value for argument `aggregation`. Expected one of `None`, `'none'`, `'mean'`, `'sum'`, " +
                    $"`'only_first_replica'`. Received: aggregation={PythonRepr.Str(aggregation)}");
            if (Array.IndexOf(Synchronizations, synchronization) < 0)
                throw new KerasValueError(
                    "Invalid value for argument `synchronization`. Expected one of `None`, `'none'`, `'on_read'`, " +
                    $"`'on_write'`, `'auto'`. Received: synchronization={PythonRepr.Str(synchronization)}");
            string parentPath = NameScope.CurrentPath;
            string path = parentPath.Length > 0 ? $"{parentPath}/{validName}" : validName;
            return new Options(validName, path, aggregation ?? "none", synchronization ?? "none");
        }
    }

    /// <summary>What a constructor's arguments come to: a value, or an initializer and the shape and dtype to call it with.</summary>
    private readonly record struct Definition(Options Options, DType DType, long[] Shape, Initializer? Initializer, NdArray? Value)
    {
        public static Definition FromInitializer(Options options, Initializer initializer, DType dtype, object shape) =>
            new(options, dtype, FullyDefined(shape, options.Path), initializer, null);

        /// <summary>A value as Keras's <c>convert_to_tensor</c> takes it, cast to <paramref name="dtype"/> when given,
        /// and checked against <paramref name="shape"/> when given.</summary>
        public static Definition FromValue(Options options, object? value, DType? dtype, object? shape)
        {
            var tensor = TensorConversion.ToTensor(value, dtype);
            if (StatelessScope.InScope) throw CreatedInStatelessScope();
            if (shape is not null && !Shapes.AreCompatible(Shapes.Standardize(shape), Array.ConvertAll(tensor.Shape, d => (long?)d)))
                throw new KerasValueError(
                    "The shape of the initial value and the `shape` argument must match. " +
                    $"Received: shape={Shapes.Format(Shapes.Standardize(shape))} and a value of shape {NdArray.FormatShape(tensor.ShapeSpan)} " +
                    $"for variable path='{options.Path}'");
            return new Definition(options, tensor.DType, tensor.Shape, null, tensor);
        }

        private static long[] FullyDefined(object shape, string path)
        {
            var dims = Shapes.Standardize(shape);
            if (!Shapes.IsFullyDefined(dims))
                throw new KerasValueError(
                    "Shapes used to initialize variables must be fully-defined (no `None` dimensions). " +
                    $"Received: shape={Shapes.Format(dims)} for variable path='{path}'");
            return Array.ConvertAll(dims, d => d!.Value);
        }

        private static KerasValueError CreatedInStatelessScope() => new(
            "You are attempting to create a variable while in a stateless scope. This is disallowed. " +
            "Make sure that all variables are created before you start using your layer/model objects.\n\n" +
            "In some cases, you might be seeing this error because you need to implement a " +
            "`def build(self, input_shape)` method on your layer/model, which will create its variables.\n\n" +
            "In some other cases, you might be seeing this error because you are instantiating a `Variable` " +
            "and assigning it to a layer without going through self.add_variable()/self.add_weight(). " +
            "Always prefer using these methods (with a `shape` and `initializer` argument).");
    }
}
