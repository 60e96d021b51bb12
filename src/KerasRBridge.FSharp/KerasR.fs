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

/// The variable an R expression gives (the object R holds), or None when it gives none.
let variable (expression: string) : Variable option =
    try Some(KerasBridgeHost.GetVariable expression) with
    | :? KerasTypeError
    | :? REvaluationException -> None

// F# spells out what C#'s `unmanaged` constraint implies.

/// An R value as a Tensor of the element type asked for.
let tensor<'T when 'T: unmanaged and 'T: struct and 'T :> System.ValueType and 'T: (new: unit -> 'T)> (expression: string) : Tensor<'T> =
    KerasBridgeHost.GetTensor<'T> expression

/// Hands a variable to R under a name: "b" <-- bias.
let (<--) (name: string) (v: Variable) = KerasBridgeHost.SetVariable(name, v)

/// Variable updates that return the variable, for pipelines.
module Var =
    let assign (value: obj) (v: Variable) = v.Assign value |> ignore; v
    let assignAdd (value: obj) (v: Variable) = v.AssignAdd value |> ignore; v
    let assignSub (value: obj) (v: Variable) = v.AssignSub value |> ignore; v
    let values<'T when 'T: unmanaged and 'T: struct and 'T :> System.ValueType and 'T: (new: unit -> 'T)> (v: Variable) : 'T[] =
        v.Value.ToArray<'T>()
