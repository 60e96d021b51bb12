using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for <c>keras_variable()</c> and a variable's <c>$</c> members.</summary>
internal static class VariableEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("variable_new", (Sexp initializer, ShapeArgument shape, string? dtype, bool trainable, bool autocast,
                                       string? aggregation, string? synchronization, Sexp name) =>
            new Variable(RInitializers.From(initializer, dtype), shape.Dimensions, dtype, trainable: trainable, autocast: autocast,
                         aggregation: aggregation, synchronization: synchronization, name: Name(name))),
        Declare.Entry("variable_field", (Pointed<Variable> variable, string field) => Field(variable, field)),
        Declare.Entry("variable_set_trainable", (Variable variable, bool trainable) =>
        {
            variable.Trainable = trainable;
            return Nothing.Value;
        }),
        Declare.Entry("variable_set_overwrite_with_gradient", (Variable variable, bool overwrite_with_gradient) =>
        {
            variable.OverwriteWithGradient = overwrite_with_gradient;
            return Nothing.Value;
        }),
        // One entry per operation rather than its name as an argument: reading the name is a
        // measurable part of a small assign.
        Declare.Entry("variable_assign", (Pointed<Variable> variable, Sexp value) =>
            RWrappers.NewValue(variable, variable.Target.Assign(Tensors.FromR(value, variable.Target.StoredDType)))),
        // Keras's assign(self + value): the value meets the variable as an operand of `+` does
        // (an R number as a weak Python number), and only the sum is cast to the variable's dtype.
        Declare.Entry("variable_assign_add", (Pointed<Variable> variable, Sexp value) =>
            RWrappers.NewValue(variable, variable.Target.AssignAdd(ROperands.Beside(value, variable.Target.DType)))),
        Declare.Entry("variable_assign_sub", (Pointed<Variable> variable, Sexp value) =>
            RWrappers.NewValue(variable, variable.Target.AssignSub(ROperands.Beside(value, variable.Target.DType)))),
    ];

    /// <summary>NULL (a generated name) or a string; Keras's one message covers both ways of
    /// getting it wrong.</summary>
    private static string? Name(Sexp x) => RValues.IsNull(x) ? null : ScopeName(x);

    /// <summary>A name scope's name: a string, as Keras's <c>name_scope</c> checks it.</summary>
    internal static string ScopeName(Sexp x)
    {
        if (RValues.TypeOf(x) == SexpType.Character && RValues.LengthOf(x) == 1 && RValues.StringAt(x, 0) is { } s) return s;
        throw new KerasValueError($"Argument `name` must be a string and cannot contain character `/`. Received: name={Args.Show(x)}");
    }

    private static EntryResult Field(Pointed<Variable> variable, string field)
    {
        var v = variable.Target;
        return field switch
        {
            "name" => RValues.String(v.Name),
            "path" => RValues.String(v.Path),
            "dtype" => RValues.String(DTypes.Name(v.DType)),
            "trainable" => RValues.Logical(v.Trainable),
            "autocast" => RValues.Logical(v.Autocast),
            "aggregation" => RValues.String(v.Aggregation),
            "synchronization" => RValues.String(v.Synchronization),
            "overwrite_with_gradient" => RValues.Logical(v.OverwriteWithGradient),
            // Set only from .NET (R has no regularizer or constraint objects): NULL, as Keras's None, or its type.
            "regularizer" => v.Regularizer is { } regularizer ? RValues.String(regularizer.GetType().Name) : RNull.Create(),
            "constraint" => v.Constraint is { } constraint ? RValues.String(constraint.GetType().Name) : RNull.Create(),
            "ndim" => RValues.Integer(v.Ndim),
            "shape" => ShapeValues.Of(v.Shape),
            "value" => RWrappers.ValueOf(variable, v.Value),
            "repr" => RValues.String(v.ToString()),
            var other => throw new MissingMemberException($"'Variable' object has no attribute '{other}'"),
        };
    }
}
