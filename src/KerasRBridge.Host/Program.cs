using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Host;
using KerasRBridge.RInterop.Embedding;

if (args is ["--help" or "-h"])
{
    Console.Out.WriteLine(CommandLine.Usage);
    return 0;
}
if (args is ["--version"])
{
    Console.Out.WriteLine(CommandLine.Version);
    return 0;
}
var command = CommandLine.Parse(args, out string error);
if (command is null)
{
    Console.Error.WriteLine(error.Length > 0 ? error : CommandLine.Usage);
    return 2;
}

if (command.Lines is { } lines)
{
    int next = 0;
    RConsole.Input = _ => next < lines.Length ? lines[next++] : null;
}

try
{
    string[] rArguments = command.ScriptArguments.Length > 0 ? ["--args", .. command.ScriptArguments] : [];
    // On a terminal the console is R's own (readline: history, completion, line editing).
    bool rReadsConsole = command.Interactive && !Console.IsInputRedirected;
    KerasBridgeHost.Start(new REngineOptions
    {
        Interactive = command.Interactive, RReadsConsole = rReadsConsole, Arguments = rArguments, RHome = command.RHome,
    });
}
catch (RLibraryPathException e) when (!Relaunch.WouldRepeat(e.LibraryDirectory))
{
    Relaunch.WithLibraryPath(e.LibraryDirectory, CommandLine.Rerun(args, command.Lines));
    Console.Error.WriteLine($"krbridge: {e.Message}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"krbridge: {e.Message}");
    return 1;
}
using var ctrlC = REngine.InterruptOnCtrlC();
int status = REngine.RunRepl();
REngine.Stop();
return status;
