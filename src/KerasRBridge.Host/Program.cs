using KerasRBridge.Bridge.Hosting;
using KerasRBridge.RInterop.Embedding;

const string Usage = """
    usage: krbridge run FILE.R      run an R script (like Rscript FILE.R)
           krbridge eval 'R code'   run R code (like Rscript -e)
           krbridge repl            an interactive R console with kerasbridge loaded
    """;

if (args.Length == 0 || (args[0] != "repl" && args.Length != 2) || args[0] is not ("run" or "eval" or "repl"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string[] lines;
switch (args[0])
{
    case "run":
        if (!File.Exists(args[1]))
        {
            Console.Error.WriteLine($"krbridge: file not found: {args[1]}");
            return 2;
        }
        lines = File.ReadAllLines(args[1]);
        break;
    case "eval":
        lines = args[1].Split('\n');
        break;
    default:
        lines = [];
        break;
}

bool interactive = args[0] == "repl";
if (!interactive)
{
    int next = 0;
    RConsole.Input = _ => next < lines.Length ? lines[next++] : null;
}

try
{
    KerasBridgeHost.Start(new REngineOptions { Interactive = interactive });
}
catch (Exception e)
{
    Console.Error.WriteLine($"krbridge: {e.Message}");
    return 1;
}
// In a script an R error ends the process from inside R, as with Rscript ("Execution halted", status 1).
REngine.RunRepl();
REngine.Stop();
return 0;
