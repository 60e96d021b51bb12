using KerasRBridge.Engine;
using KerasRBridge.RInterop;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Progress;

/// <summary>
/// A progress bar on R's console for engine work that takes long, as R's cli package shows
/// them: once a run has taken <c>getOption("cli.progress_show_after", 2)</c> seconds, a bar with
/// the part done and the time so far, redrawn in place and cleared when the run ends. Shown in
/// interactive sessions unless <c>options(kerasbridge.progress = FALSE)</c>; in others only with
/// <c>options(kerasbridge.progress = TRUE)</c>. Only the runs on R's thread are followed (R's
/// console is R's); the work other threads share is not drawn.
/// </summary>
internal sealed class RProgressBar : IProgress<WorkProgress>
{
    private const int Width = 30;

    private static RObject? _settings;

    private bool _inRun, _show, _drawn;
    private double _after;
    private int _lastPercent = -1;
    private int _lastLength;

    /// <summary>Keeps the package's function giving <c>c(show, after)</c> from R's options.</summary>
    internal static void Register(Sexp settings)
    {
        _settings?.Dispose();
        _settings = RObject.Keep(settings);
    }

    /// <inheritdoc/>
    public void Report(WorkProgress progress)
    {
        if (!RThread.IsCurrent || _settings is null) return;
        if (progress.IsComplete)
        {
            Clear();
            _inRun = false;
            return;
        }
        // A run's first report; one abandoned before its end (interrupted) never completed.
        if (!_inRun || progress.Done == Interruption.ChunkLength)
        {
            Clear();
            _inRun = true;
            (_show, _after) = ReadSettings();
            _lastPercent = -1;
        }
        if (!_show || progress.Elapsed.TotalSeconds < _after) return;
        int percent = (int)(progress.Fraction * 100);
        if (percent == _lastPercent) return;
        _lastPercent = percent;
        int filled = (int)(progress.Fraction * Width);
        string bar = $"\r[{new string('=', filled)}{(filled < Width ? ">" : "")}{new string(' ', Math.Max(0, Width - filled - 1))}] {percent,3}% | {progress.Elapsed.TotalSeconds:0}s";
        _lastLength = bar.Length - 1;
        RConsole.Message(bar);
        _drawn = true;
    }

    private void Clear()
    {
        if (!_drawn) return;
        RConsole.Message("\r" + new string(' ', _lastLength) + "\r");
        _drawn = false;
    }

    /// <summary>The options, read once per run; a failure to read them shows no bar.</summary>
    private static (bool Show, double After) ReadSettings()
    {
        try
        {
            using var values = RFunction.Call(_settings!.Sexp);
            if (values.Type != SexpType.Double || values.Length != 2) return (false, 0);
            unsafe
            {
                var pair = new ReadOnlySpan<double>(RValues.DataOf(values.Sexp), 2);
                return (pair[0] == 1, double.IsNaN(pair[1]) ? 2 : pair[1]);
            }
        }
        catch (REvaluationException)
        {
            return (false, 0);
        }
    }
}
