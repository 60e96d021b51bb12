using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Tests;

public class EvaluationTests
{
    [Test]
    public void Several_expressions_give_the_value_of_the_last()
    {
        double v = REngine.Evaluate("a <- 20\nb <- 22\na + b", r => RArrays_Double(r));
        Assert.That(v, Is.EqualTo(42));
    }

    private static unsafe double RArrays_Double(RObject r) => *(double*)RValues.DataOf(r.Sexp);

    [Test]
    public void An_R_error_becomes_an_evaluation_exception_with_message_and_call()
    {
        var e = Assert.Throws<REvaluationException>(() => REngine.Execute("f <- function() stop('boom'); f()"));
        Assert.That(e!.RMessage, Is.EqualTo("boom"));
        Assert.That(e.Call, Is.EqualTo("f()"));
    }

    [Test]
    public void An_error_raised_at_the_top_level_of_the_code_has_no_call_as_at_Rs_top_level()
    {
        var e = Assert.Throws<REvaluationException>(() => REngine.Execute("stop('boom')"));
        Assert.That(e!.RMessage, Is.EqualTo("boom"));
        Assert.That(e.Call, Is.Null);
    }

    [Test]
    public void Warnings_print_after_the_code_as_R_prints_them()
    {
        var (_, error) = RConsole.Capture(() => REngine.Execute("f <- function() warning('careful'); f(); warning('again'); 1"));
        Assert.That(error, Is.EqualTo("Warning messages:\n1: In f() : careful\n2: again\n"));
        (_, error) = RConsole.Capture(() => REngine.Execute("warning('once')"));
        Assert.That(error, Is.EqualTo("Warning message:\nonce\n"));
    }

    [Test]
    public void A_warning_condition_signalled_without_warning_is_ignored_as_R_ignores_it()
    {
        var (_, error) = RConsole.Capture(() => Assert.That(
            REngine.Evaluate("signalCondition(simpleWarning('s')); 2", r => RArrays_Double(r)), Is.EqualTo(2)));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public void With_options_warn_1_R_prints_a_warning_at_once_without_the_evaluators_call()
    {
        var (_, error) = RConsole.Capture(() => REngine.Execute("op <- options(warn = 1); warning('now'); options(op)"));
        Assert.That(error, Is.EqualTo("Warning: now\n"));
    }

    [Test]
    public void A_warning_made_an_error_by_options_warn_2_is_an_evaluation_exception()
    {
        var e = Assert.Throws<REvaluationException>(() => REngine.Execute("op <- options(warn = 2); tryCatch(warning('strict'), finally = options(op))"));
        Assert.That(e!.RMessage, Does.Contain("strict"));
        Assert.That(REngine.Evaluate("as.double(getOption('warn'))", r => RArrays_Double(r)), Is.EqualTo(0));
    }

    [Test]
    public void Null_code_is_an_argument_null_exception()
    {
        Assert.Throws<ArgumentNullException>(() => REngine.Execute(null!));
    }

    [Test]
    public void Stopping_R_from_its_own_thread_is_refused_and_R_goes_on()
    {
        Assert.Throws<InvalidOperationException>(() => REngine.Invoke(() => REngine.Stop()));
        Assert.That(REngine.Evaluate("1 + 1", r => RArrays_Double(r)), Is.EqualTo(2));
    }

    [Test]
    public void A_parse_error_reports_the_line()
    {
        var e = Assert.Throws<RParseException>(() => REngine.Execute("x <- 1\ny <- )"));
        Assert.That(e!.Line, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain("unexpected"));
    }

    [Test]
    public void An_exception_thrown_by_invoked_work_keeps_the_stack_trace_of_where_it_was_thrown()
    {
        var e = Assert.Throws<InvalidDataException>(() => REngine.Invoke(ThrowsFromHere));
        Assert.That(e!.StackTrace, Does.Contain(nameof(ThrowsFromHere)));
    }

    private static int ThrowsFromHere() => throw new InvalidDataException("thrown by the work");

    [Test]
    public void An_R_error_inside_a_callback_from_dotnet_is_caught_without_crossing_managed_frames()
    {
        // The R function errors while .NET is calling it: the unwind stops in C and resumes at R's
        // top level only after the managed frames are gone.
        var e = ErrorOfCalling("function() stop('from the callback')");
        Assert.That(e.Message, Does.Contain("from the callback"));
        Assert.That(REngine.Evaluate("1 + 1", r => RArrays_Double(r)), Is.EqualTo(2), "R keeps working after the error");
    }

    [Test]
    public void An_R_error_in_invoked_work_gives_the_condition_message_and_call_as_R_does()
    {
        var e = ErrorOfCalling("function() stop('bad x: ', 2)");
        Assert.That(e.RMessage, Is.EqualTo("bad x: 2"));
        Assert.That(e.Call, Is.Not.Null.And.Not.Contains("Error"));
        var withoutCall = ErrorOfCalling("function() stop('no call', call. = FALSE)");
        Assert.That((withoutCall.RMessage, withoutCall.Call), Is.EqualTo(("no call", (string?)null)));
    }

    // The error of calling an R function from .NET work on R's thread (not through Evaluate()).
    private static REvaluationException ErrorOfCalling(string function)
    {
        var e = Assert.Throws<REvaluationException>(() => REngine.Invoke(() =>
        {
            using var f = REngine.Evaluate(function);
            using var _ = RObject.FromCell(NativeHelpers.Call(f.Sexp, [], [], LibR.GlobalEnv));
        }));
        return e!;
    }

    [Test]
    public void Output_and_messages_are_captured_apart()
    {
        var (output, error) = RConsole.Capture(() => REngine.Execute("cat('to stdout\\n'); message('to stderr')"));
        Assert.That(output, Is.EqualTo("to stdout\n"));
        Assert.That(error, Is.EqualTo("to stderr\n"));
    }

    [Test]
    public void Starting_R_twice_is_a_clear_exception()
    {
        var e = Assert.Throws<InvalidOperationException>(() => REngine.Start());
        Assert.That(e!.Message, Does.Contain("once per process"));
    }

    [Test]
    public void Eight_threads_evaluating_at_once_all_get_their_own_results()
    {
        var results = new double[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (int k = 0; k < 20; k++)
                results[i] = REngine.Evaluate($"as.double(sum(seq_len({i + 1})))", RArrays_Double);
        });
        Assert.That(results, Is.EqualTo(Enumerable.Range(1, 8).Select(n => (double)n * (n + 1) / 2)));
    }

    [Test]
    public void Calling_R_off_its_thread_without_Invoke_is_rejected()
    {
        using var value = REngine.Evaluate("1");
        var e = Assert.Throws<InvalidOperationException>(() => Task.Run(() => RThread.Ensure()).GetAwaiter().GetResult());
        Assert.That(e!.Message, Does.Contain("own thread"));
    }

    [Test]
    public void Finalized_objects_only_queue_their_release_and_R_drains_it()
    {
        long before = REngine.Invoke(() => NativeHelpers.KeptCount);
        MakeGarbage();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.That(RThread.QueuedReleases, Is.GreaterThanOrEqualTo(100));
        long after = REngine.Invoke(() => NativeHelpers.KeptCount);
        Assert.That(after, Is.LessThanOrEqualTo(before));
        Assert.That(RThread.QueuedReleases, Is.Zero);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MakeGarbage() => REngine.Invoke(() =>
    {
        for (int i = 0; i < 100; i++) _ = RValues.Double(i);
    });
}
