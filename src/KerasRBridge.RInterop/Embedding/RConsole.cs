using System.Runtime.InteropServices;
using System.Text;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>
/// R's console when .NET hosts R: output goes to <see cref="Out"/> and <see cref="Error"/>
/// kept apart (R's stdout and stderr streams), and input comes from <see cref="Input"/>.
/// </summary>
public static unsafe class RConsole
{
    /// <summary>Where R's standard output goes (the process's stdout by default).</summary>
    public static TextWriter Out { get; set; } = Console.Out;

    /// <summary>Where R's messages, warnings and errors go (the process's stderr by default).</summary>
    public static TextWriter Error { get; set; } = Console.Error;

    /// <summary>Where R reads console input (REPL lines, <c>readline()</c>); null ends input.</summary>
    public static Func<string, string?> Input { get; set; } = prompt =>
    {
        Out.Write(prompt);
        Out.Flush();
        return Console.In.ReadLine();
    };

    /// <summary>Writes <paramref name="text"/> where R writes its messages (R's <c>REprintf</c>):
    /// the console of R, whichever side hosts it (here, <see cref="Error"/>). R's thread only.</summary>
    public static void Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Native.NativeHelpers.ConsoleError(text);
    }

    /// <summary>Runs <paramref name="action"/> with R's output captured; returns (stdout, stderr).
    /// It redirects <see cref="Out"/> and <see cref="Error"/>, which are the whole process's: R
    /// output from calls on other threads meanwhile is captured too, so use it from one thread
    /// at a time.</summary>
    public static (string Output, string Error) Capture(Action action)
    {
        var (oldOut, oldError) = (Out, Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Out = output;
        Error = error;
        try { action(); }
        finally
        {
            Out = oldOut;
            Error = oldError;
        }
        return (output.ToString(), error.ToString());
    }

    [UnmanagedCallersOnly]
    internal static void WriteConsoleEx(byte* buffer, int length, int otype)
    {
        try
        {
            string text = Encoding.UTF8.GetString(buffer, length);
            var writer = otype == 0 ? Out : Error;
            writer.Write(text);
            writer.Flush();
        }
        catch
        {
            // A failing writer must not unwind into R; the text is lost, R goes on.
        }
    }

    /// <summary>The part of the last input line that did not fit R's buffer; R gets it next.</summary>
    private static byte[] _unread = [];

    [UnmanagedCallersOnly]
    internal static int ReadConsole(byte* prompt, byte* buffer, int length, int addHistory)
    {
        try
        {
            if (_unread.Length == 0)
            {
                string? line = Input(Marshal.PtrToStringUTF8((nint)prompt) ?? "");
                RInterrupts.DiscardPending();
                if (line is null) return 0;
                _unread = Encoding.UTF8.GetBytes(line + "\n");
            }
            // A line longer than R's buffer goes in chunks, as R's own console reads it. R's
            // loop steps one byte past the terminator of a chunk without a newline: a second
            // terminator keeps it from reading stale bytes.
            int n = Math.Min(_unread.Length, length - 2);
            _unread.AsSpan(0, n).CopyTo(new Span<byte>(buffer, n));
            buffer[n] = 0;
            buffer[n + 1] = 0;
            _unread = _unread[n..];
            return 1;
        }
        catch
        {
            return 0;
        }
    }
}
