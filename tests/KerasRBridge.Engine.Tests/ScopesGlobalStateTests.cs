namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class ScopesGlobalStateTests
{
    [SetUp]
    public void FreshSession() => GlobalState.ClearSession();

    [Test]
    public void Uids_count_per_prefix_from_one()
    {
        Assert.That(GlobalState.GetUid("dense"), Is.EqualTo(1));
        Assert.That(GlobalState.GetUid("dense"), Is.EqualTo(2));
        Assert.That(GlobalState.GetUid("conv"), Is.EqualTo(1));
    }

    [Test]
    public void Uniquify_hands_out_the_name_then_numbered_names()
    {
        Assert.That(GlobalState.Uniquify("kernel"), Is.EqualTo("kernel"));
        Assert.That(GlobalState.Uniquify("kernel"), Is.EqualTo("kernel_1"));
        Assert.That(GlobalState.Uniquify("kernel"), Is.EqualTo("kernel_2"));
    }

    [Test]
    public void Clear_session_also_forgets_the_global_random_seed()
    {
        GlobalRandom.SetRandomSeed(1234);
        GlobalState.ClearSession();
        Assert.That(GlobalRandom.RandomSeed, Is.Null);
    }

    [Test]
    public void Clear_session_restarts_the_counters()
    {
        GlobalState.GetUid("dense");
        GlobalState.Uniquify("kernel");
        GlobalState.ClearSession();
        Assert.That(GlobalState.GetUid("dense"), Is.EqualTo(1));
        Assert.That(GlobalState.Uniquify("kernel"), Is.EqualTo("kernel"));
    }

    [Test]
    public void Clear_session_forgets_open_scopes()
    {
        using var scope = new NameScope("stale");
        GlobalState.ClearSession();
        Assert.That(NameScope.CurrentPath, Is.Empty);
    }

    [Test]
    public void Clear_session_reaches_every_thread()
    {
        long before = 0, after = 0;
        using var ready = new ManualResetEventSlim();
        using var cleared = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            GlobalState.GetUid("x");
            before = GlobalState.GetUid("x");
            ready.Set();
            cleared.Wait();
            after = GlobalState.GetUid("x");
        });
        thread.Start();
        ready.Wait();
        GlobalState.ClearSession();
        cleared.Set();
        thread.Join();
        Assert.That(before, Is.EqualTo(2));
        Assert.That(after, Is.EqualTo(1));
    }

    [Test]
    public void Each_thread_counts_its_own_names()
    {
        GlobalState.Uniquify("variable");
        string? other = null;
        var thread = new Thread(() => other = GlobalState.Uniquify("variable"));
        thread.Start();
        thread.Join();
        Assert.That(other, Is.EqualTo("variable"));
    }
}
