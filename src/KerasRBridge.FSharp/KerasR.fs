/// F# helpers over the embedding API (KerasRBridge.Bridge): R code as functions, failures as
/// Result and Option, variable updates that pipe.
module KerasR

open System.Numerics.Tensors
open KerasRBridge.Bridge.Hosting
open KerasRBridge.Engine
open KerasRBridge.RInterop.Embedding

/// Starts R with kerasbridge on this program's engine.
let start () = KerasBridgeHost.Start()

/// Stops R.
let stop () = REngine.Stop()

/// Runs R code for its effects; R's output goes to the console.
let r (code: string) = REngine.Execute code

/// Runs R code; an R error or a parse error is an Error with R's message.
let tryR (code: string) : Result<unit, string> =
    try Ok(REngine.Execute code) with
    | :? REvaluationException as e -> Error e.RMessage
    | :? RParseException as e -> Error e.Message

/// The variable an R expression gives (the object R holds), or None when it gives none: another
/// kind of value, an R error or code that does not parse. A variable this engine cannot use (a
/// previous session's, read back without its state) raises KerasValueError.
let variable (expression: string) : Variable option =
    try Some(KerasBridgeHost.GetVariable expression) with
    | :? KerasTypeError
    | :? REvaluationException
    | :? RParseException -> None

// F# spells out what C#'s `unmanaged` constraint implies.

/// An R value as a Tensor of the element type asked for.
let tensor<'T when 'T: unmanaged and 'T: struct and 'T :> System.ValueType and 'T: (new: unit -> 'T)> (expression: string) : Tensor<'T> =
    KerasBridgeHost.GetTensor<'T> expression

/// Hands a variable to R under a name: "b" <-- bias.
let (<--) (name: string) (v: Variable) = KerasBridgeHost.SetVariable(name, v)

/// Variable updates that return the variable, for pipelines.
module Var =
    /// Assigns a value (a number, array, Tensor or NdArray of the variable's shape) and returns the variable.
    let assign (value: obj) (v: Variable) = v.Assign value |> ignore; v

    /// Adds a value (broadcast to the variable's shape) and returns the variable.
    let assignAdd (value: obj) (v: Variable) = v.AssignAdd value |> ignore; v

    /// Subtracts a value (broadcast to the variable's shape) and returns the variable.
    let assignSub (value: obj) (v: Variable) = v.AssignSub value |> ignore; v

    /// The variable's current values as an array of the element type asked for, in R's
    /// (column-major) order: element [i, j] of an m-row matrix is at i + m * j.
    let values<'T when 'T: unmanaged and 'T: struct and 'T :> System.ValueType and 'T: (new: unit -> 'T)> (v: Variable) : 'T[] =
        v.Value.ToArray<'T>()
