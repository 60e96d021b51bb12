namespace KerasRBridge.RInterop.Native;

/// <summary>What one step of R's read-eval-print loop ended with (values of <c>krb_repl_step</c>).</summary>
internal enum ReplStatus
{
    /// <summary>An R error ends the session, as <c>Rscript</c> ends on one.</summary>
    Halted = -3,

    /// <summary>An R error reached the top level; the loop goes on with the next line.</summary>
    Error = -2,

    /// <summary>The input has ended.</summary>
    End = -1,

    /// <summary>A complete expression (or an empty line) was handled.</summary>
    Done = 1,

    /// <summary>The expression so far is incomplete; more input is needed.</summary>
    Incomplete = 2,
}
