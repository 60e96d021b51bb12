namespace KerasRBridge.Engine.Tests;

/// <summary>The second core runs half of a loop while the caller runs the other half.</summary>
public class SecondCoreTests
{
    [Test]
    public void Both_halves_have_run_when_it_returns()
    {
        int theirs = 0, ours = 0;
        SecondCore.Run(() => theirs = 1, () => ours = 1);
        Assert.That((theirs, ours), Is.EqualTo((1, 1)));
    }

    [Test]
    public void A_failure_on_the_second_core_reaches_the_caller_and_the_core_stays_usable()
    {
        Assert.Throws<InvalidOperationException>(() => SecondCore.Run(() => throw new InvalidOperationException("theirs"), () => { }));
        int theirs = 0;
        SecondCore.Run(() => theirs = 1, () => { });
        Assert.That(theirs, Is.EqualTo(1));
    }

    [Test]
    public void Callers_on_several_threads_at_once_all_get_both_halves_run()
    {
        var counts = new int[8];
        Parallel.For(0, counts.Length, i =>
        {
            for (int round = 0; round < 200; round++)
                SecondCore.Run(() => Interlocked.Increment(ref counts[i]), () => Interlocked.Increment(ref counts[i]));
        });
        Assert.That(counts, Is.All.EqualTo(400));
    }
}
