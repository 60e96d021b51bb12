namespace KerasRBridge.Host;

/// <summary>What krbridge was asked to do: the R input, whether R runs interactively, the
/// arguments R's <c>commandArgs(trailingOnly = TRUE)</c> gives, and which R to start (null: as
/// <c>R_HOME</c>, <c>R RHOME</c> or the usual places say).</summary>
internal sealed record CommandLine(string[]? Lines, bool Interactive, string[] ScriptArguments, string? RHome = null)
{
    internal const string Usage = """
        usage: krbridge [--r-home DIR] run FILE.R [ARGS...]    run an R script (like Rscript FILE.R)
               krbridge [--r-home DIR] eval 'R code' [ARGS...] run R code (like Rscript -e)
               krbridge [--r-home DIR] repl                    an interactive R console with kerasbridge loaded
               krbridge --version                              the versions of krbridge and .NET
        --r-home DIR: the R to start (its R.home(), holding lib/libR.so); by default R_HOME,
        then `R RHOME`, then /usr/lib/R
        """;

    /// <summary>What <c>krbridge --version</c> prints: krbridge's version (the engine's, as they
    /// are built together) and the .NET runtime it runs on.</summary>
    internal static string Version =>
        $"krbridge {typeof(CommandLine).Assembly.GetName().Version?.ToString(3)} (.NET {Environment.Version})";

    // Windows line ends too, as Rscript -e takes them.
    private static readonly string[] LineEnds = ["\r\n", "\n"];

    /// <summary>The arguments that run the same command again, on the script's <paramref name="lines"/>
    /// already read: a script from a stream (<c>run /dev/stdin</c>) cannot be read a second time,
    /// so it is passed on as <c>eval</c> code, unless it is longer than one argument may be
    /// (Linux's 128 KiB; such a file is read again).</summary>
    internal static string[] Rerun(string[] args, string[]? lines)
    {
        int at = args is ["--r-home", _, ..] ? 2 : 0;
        if (lines is null || args.Length < at + 2 || args[at] != "run") return args;
        string code = string.Join("\n", lines);
        return System.Text.Encoding.UTF8.GetByteCount(code) >= MaxArgumentBytes ? args : [.. args[..at], "eval", code, .. args[(at + 2)..]];
    }

    // Linux's MAX_ARG_STRLEN (32 pages), with its terminating NUL.
    private const int MaxArgumentBytes = 131072;

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are not
    /// a valid command (an empty error means: show the usage).</summary>
    internal static CommandLine? Parse(string[] args, out string error)
    {
        error = "";
        // Whether R is there is REngine.Start's to say (RHomeLocator).
        if (args is ["--r-home", var home, .. var command])
            return Parse(command, out error) is { } parsed ? parsed with { RHome = home } : null;
        switch (args)
        {
            case ["repl"]:
                return new CommandLine(null, Interactive: true, []);
            case ["eval", var code, .. var rest]:
                return new CommandLine(code.Split(LineEnds, StringSplitOptions.None), Interactive: false, rest);
            case ["run"]:
                error = "krbridge: run needs the R script to run: krbridge run FILE.R [ARGS...]";
                return null;
            case ["eval"]:
                error = "krbridge: eval needs the R code to run: krbridge eval 'R code' [ARGS...]";
                return null;
            case ["run", var file, .. var rest]:
                if (!File.Exists(file))
                {
                    error = $"krbridge: cannot open file '{file}': No such file or directory";
                    return null;
                }
                return new CommandLine(File.ReadAllLines(file), Interactive: false, rest);
            case [var known, .. var extra] when known is "repl" or "--version" or "--help" or "-h":
                error = $"krbridge: {known} takes no arguments. Received: {string.Join(' ', extra)}\n{Usage}";
                return null;
            case [var unknown, ..]:
                error = unknown.StartsWith('-')
                    ? $"krbridge: unknown option '{unknown}'\n{Usage}"
                    : $"krbridge: unknown command '{unknown}'\n{Usage}";
                return null;
            default:
                return null;
        }
    }
}
