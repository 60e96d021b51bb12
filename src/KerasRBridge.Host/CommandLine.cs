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
        --r-home DIR: the R to start (its R.home(), holding lib/libR.so); by default R_HOME,
        then `R RHOME`, then /usr/lib/R
        """;

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
