module KerasRBridge.FSharp.Tests.KerasRTests

open NUnit.Framework
open KerasRBridge.Engine
open KerasRBridge.RInterop.Embedding
open KerasR

let private rString (code: string) = REngine.Evaluate(code, fun v -> KerasRBridge.RInterop.Values.RValues.StringAt(v.Sexp, 0))

[<Test>]
let ``r runs R code for its effects`` () =
    r "fs_x <- 21 * 2"
    Assert.That(rString "as.character(fs_x)", Is.EqualTo "42")

[<Test>]
let ``tryR gives Ok when R succeeds`` () =
    Assert.That(tryR "fs_ok <- 1", Is.EqualTo(Ok () : Result<unit, string>))

[<Test>]
let ``tryR gives R's error message as an Error`` () =
    match tryR "stop('no such thing')" with
    | Error message -> Assert.That(message, Does.Contain "no such thing")
    | Ok () -> Assert.Fail "an R error gave Ok"

[<Test>]
let ``tryR gives a parse error as an Error`` () =
    match tryR "1 +* 2" with
    | Error _ -> ()
    | Ok () -> Assert.Fail "a parse error gave Ok"

[<Test>]
let ``variable gives the object R holds`` () =
    r "fs_v <- keras_variable(array(1, c(2, 2)), name = 'fs_v')"
    match variable "fs_v" with
    | Some v ->
        Assert.That(v.Name, Is.EqualTo "fs_v")
        v.AssignAdd 1.0 |> ignore
        Assert.That(rString "as.character(sum(as.array(fs_v)))", Is.EqualTo "8")
    | None -> Assert.Fail "no variable"

[<Test>]
let ``variable gives None for what is not a variable or fails`` () =
    Assert.That(variable "1:3", Is.EqualTo(None : Variable option))
    Assert.That(variable "stop('no')", Is.EqualTo(None : Variable option))
    Assert.That(variable "c(", Is.EqualTo(None : Variable option))

[<Test>]
let ``tensor reads an R array with R's indices less one`` () =
    let t = tensor<float> "matrix(c(11, 21, 12, 22), 2)"
    Assert.That(t.[[| 1n; 0n |]], Is.EqualTo 21.0)

[<Test>]
let ``the arrow hands a variable to R under a name`` () =
    "fs_b" <-- Variable(NdArray.Scalar 0.5)
    Assert.That(rString "as.character(as.array(fs_b))", Is.EqualTo "0.5")

[<Test>]
let ``Var updates pipe and return the variable`` () =
    let v = Variable(NdArray.FromColumnMajor([| 1.0; 2.0 |], System.ReadOnlySpan<int64>([| 2L |])))
    let values = v |> Var.assignAdd 1.0 |> Var.assignSub 0.5 |> Var.values<float>
    Assert.That(values, Is.EqualTo<float>([| 1.5; 2.5 |]))
    let assigned = v |> Var.assign (NdArray.FromColumnMajor([| 7.0; 8.0 |], System.ReadOnlySpan<int64>([| 2L |]))) |> Var.values<float>
    Assert.That(assigned, Is.EqualTo<float>([| 7.0; 8.0 |]))
