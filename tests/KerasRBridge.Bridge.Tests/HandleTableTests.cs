using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;

namespace KerasRBridge.Bridge.Tests;

public class HandleTableTests
{
    [Test]
    public void An_added_object_is_found_at_its_address()
    {
        var table = new HandleTable();
        var target = new object();
        nint address = table.Add(target);
        Assert.That(table.Get(address), Is.SameAs(target));
    }

    [Test]
    public void Addresses_are_never_zero_which_R_reads_as_a_null_pointer()
    {
        var table = new HandleTable();
        Assert.That(Enumerable.Range(0, 10).Select(_ => table.Add(new object())), Has.None.EqualTo((nint)0));
    }

    [Test]
    public void Zero_negative_and_never_given_addresses_hold_nothing()
    {
        var table = new HandleTable();
        table.Add(new object());
        Assert.That(table.Get(0), Is.Null);
        Assert.That(table.Get(-1), Is.Null);
        Assert.That(table.Get(2), Is.Null);
        Assert.That(table.Get(nint.MaxValue), Is.Null);
    }

    [Test]
    public void A_removed_object_is_no_longer_found_and_its_slot_is_reused()
    {
        var table = new HandleTable();
        nint first = table.Add("first");
        table.Add("second");
        table.Remove(first);
        Assert.That(table.Get(first), Is.Null);
        Assert.That(table.Add("third"), Is.EqualTo(first));
        Assert.That(table.Get(first), Is.EqualTo("third"));
    }

    [Test]
    public void Removing_an_empty_slot_is_refused()
    {
        var table = new HandleTable();
        nint address = table.Add("x");
        table.Remove(address);
        Assert.Throws<ArgumentException>(() => table.Remove(address));
        Assert.Throws<ArgumentException>(() => table.Remove(0));
    }

    [Test]
    public void The_table_grows_past_its_first_capacity_and_keeps_every_object()
    {
        var table = new HandleTable();
        var targets = Enumerable.Range(0, 5000).Select(i => (object)i).ToArray();
        var addresses = targets.Select(table.Add).ToArray();
        foreach (nint a in addresses.Where((_, i) => i % 2 == 0)) table.Remove(a);
        var again = Enumerable.Range(0, 2500).Select(_ => table.Add("again")).ToArray();
        Assert.That(addresses.Where((_, i) => i % 2 == 1).Select(table.Get), Is.EqualTo(targets.Where((_, i) => i % 2 == 1)));
        Assert.That(again, Is.Unique);
        Assert.That(again.Select(table.Get), Has.All.EqualTo("again"));
    }
}
