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

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are not
    /// a valid command (an empty error means: show the usage).</summary>
    internal static CommandLine? Parse(string[] args, out string error)
    {
        error = "";
        if (args is ["--r-home", var home, .. var command])
        {
            if (!File.Exists(Path.Combine(home, "lib", "libR.so")))
            {
                error = $"krbridge: no R under '{home}' (no lib/libR.so there): --r-home takes R.home() of an R built as a shared library";
                return null;
            }
            return Parse(command, out error) is { } parsed ? parsed with { RHome = home } : null;
        }
        switch (args)
        {
            case ["repl"]:
                return new CommandLine(null, Interactive: true, []);
            case ["eval", var code, .. var rest]:
                return new CommandLine(code.Split('\n'), Interactive: false, rest);
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
            default:
                return null;
        }
    }
}
