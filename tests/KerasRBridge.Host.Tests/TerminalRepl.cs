using System.Diagnostics;

namespace KerasRBridge.Host.Tests;

/// <summary>
/// <c>krbridge repl</c> on a real terminal: a tmux session running it, driven by keys sent to
/// it and read back from its screen (tmux's capture of the pane), as a user at a terminal sees it.
/// </summary>
/// <remarks>Each terminal has its own tmux server (its own socket, <c>-S</c>), so that no test
/// depends on another's: with one shared server, killing a test's session can stop the server
/// while the next test is starting its session on it. In a full run on 2026-12-04 a test saw a
/// blank screen for 30 s, which that race explains.</remarks>
internal sealed class TerminalRepl : IDisposable
{
    private readonly string _session = $"krbridge-test-{Guid.NewGuid():N}";
    private readonly string _socket = Path.Combine(Path.GetTempPath(), $"krbridge-test-{Guid.NewGuid():N}.tmux");

    /// <summary>Starts krbridge repl in a new detached tmux session; after it exits the pane
    /// shows "EXITED &lt;status&gt;".</summary>
    public TerminalRepl()
    {
        if (!File.Exists("/usr/bin/tmux")) Assert.Ignore("tmux is not installed");
        string rLibs = Environment.GetEnvironmentVariable("R_LIBS") ?? "";
        string command = $"R_LIBS='{rLibs}' '{Krbridge.Path}' repl; echo EXITED $?; sleep 60";
        Tmux("new-session", "-d", "-s", _session, "-x", "120", "-y", "40", command);
        WaitForPrompts(1);
    }

    /// <summary>Waits until the screen shows <paramref name="count"/> lines starting with R's
    /// prompt (tmux drops the space after a prompt with nothing typed yet).</summary>
    public string WaitForPrompts(int count) =>
        WaitUntil(screen => screen.Split('\n').Count(l => l == ">" || l.StartsWith("> ", StringComparison.Ordinal)) >= count,
            $"{count} prompts");

    /// <summary>Sends keys as tmux names them: text, or "Enter", "Up", "Tab", "C-c".</summary>
    public void Send(params string[] keys) => Tmux(["send-keys", "-t", _session, .. keys]);

    /// <summary>Sends a line of text and Enter.</summary>
    public void Line(string text) => Send(text, "Enter");

    /// <summary>The screen's text, blank lines left out.</summary>
    public string Screen() =>
        string.Join('\n', Tmux("capture-pane", "-p", "-t", _session).Split('\n').Where(l => l.Trim().Length > 0));

    /// <summary>Waits until the screen holds <paramref name="text"/>; fails with the screen after 30 s.</summary>
    public string WaitFor(string text) => WaitUntil(screen => screen.Contains(text, StringComparison.Ordinal), $"\"{text}\"");

    private string WaitUntil(Func<string, bool> shows, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            string screen = Screen();
            if (shows(screen)) return screen;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The terminal never showed {what}. It shows:\n{screen}");
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        Tmux("kill-server");
        File.Delete(_socket);
    }

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
