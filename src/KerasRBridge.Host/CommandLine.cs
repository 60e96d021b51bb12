namespace KerasRBridge.Host;

/// <summary>What krbridge was asked to do: the R input, whether R runs interactively, and the
/// arguments R's <c>commandArgs(trailingOnly = TRUE)</c> gives.</summary>
internal sealed record CommandLine(string[]? Lines, bool Interactive, string[] ScriptArguments)
{
    internal const string Usage = """
        usage: krbridge run FILE.R [ARGS...]    run an R script (like Rscript FILE.R)
               krbridge eval 'R code' [ARGS...] run R code (like Rscript -e)
               krbridge repl                    an interactive R console with kerasbridge loaded
        """;

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are not
    /// a valid command (an empty error means: show the usage).</summary>
    internal static CommandLine? Parse(string[] args, out string error)
    {
        error = "";
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
