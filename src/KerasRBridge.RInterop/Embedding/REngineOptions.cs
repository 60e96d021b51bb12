namespace KerasRBridge.RInterop.Embedding;

/// <summary>How <see cref="REngine.Start"/> starts R.</summary>
public sealed record REngineOptions
{
    /// <summary>R's home folder (its <c>R.home()</c>, holding <c>lib/libR.so</c>); found from
    /// <c>R_HOME</c>, <c>R RHOME</c> or the usual places when null. <see cref="REngine.Start"/>
    /// refuses a folder that holds no R.</summary>
    public string? RHome { get; init; }

    /// <summary>Whether R runs interactively (prompts, no halt on error); false for scripts.</summary>
    public bool Interactive { get; init; }

    /// <summary>
    /// Whether R reads console input itself, as the <c>R</c> program does (GNU readline on a
    /// terminal: history, Tab completion, line editing), rather than through
    /// <see cref="RConsole.Input"/>. For an interactive console on a terminal.
    /// </summary>
    public bool RReadsConsole { get; init; }

    /// <summary>Extra command-line arguments for R (after <c>--no-save --no-restore --silent</c>).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
