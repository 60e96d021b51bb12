namespace KerasRBridge.FSharp.Tests

open NUnit.Framework

/// R with kerasbridge starts once for the assembly; the package must be installed where R_LIBS
/// points (scripts/test installs it into .rlib/).
[<SetUpFixture>]
type HostSession() =
    [<OneTimeSetUp>]
    member _.StartR() = KerasR.start ()
