// An F# program that embeds R: R makes a variable with an R initializer function, F# changes
// that same variable in a pipeline, and R prints the change.
open KerasRBridge.Engine
open KerasR

[<EntryPoint>]
let main _ =
    start ()
    r """
    w <- keras_variable(function(shape, dtype) array(seq_len(prod(shape)), shape),
                        shape = c(2, 3), name = "w")
    cat("R made w:\n")
    print(w)
    """
    let status =
        match variable "w" with
        | None ->
            eprintfn "R gave no variable w"
            1
        | Some w ->
            printfn "F# sees %s: shape %A, %s" w.Path w.Shape w.DTypeName
            w |> Var.assignAdd 10.0 |> Var.assignSub 0.5 |> ignore
            r """cat("After assignAdd 10.0 and assignSub 0.5 in F#, R prints:\n"); print(w)"""

            printfn "Sum of w read as a Tensor<float32>: %g" (tensor<float32> "w" |> Seq.sum)

            w |> Var.assign (array2D [ [ 1.0; 0.0; 0.0 ]; [ 0.0; 1.0; 0.0 ] ]) |> ignore
            r """cat("After assigning an F# array2D, R prints:\n"); print(w)"""

            let bias = Variable([| 0.0; 0.0; 0.0 |], name = "bias")
            "b" <-- bias
            r "b$assign(c(1, 2, 3))"
            printfn "R assigned b; F# reads bias = %A" (Var.values<float> bias)

            match tryR "keras_variable('nonsense')" with
            | Ok () -> printfn "no error?"
            | Error message -> printfn "R error as a Result: %s" message
            0
    stop ()
    status
