using KerasRBridge.Bridge.Conversion;

namespace KerasRBridge.Bridge.Tests;

/// <summary>
/// Where the engine places a buffer inside memory allocated for it: from one huge page (2 MiB)
/// up, on a huge page boundary, within the allocation, its end rounded up to a whole huge page
/// only when that costs at most an eighth of one.
/// </summary>
public unsafe class FreshMemoryTests
{
    private const long HugePage = 2 * 1024 * 1024;

    [TestCase(0L)]
    [TestCase(4096L)]
    [TestCase(HugePage - 1)]
    public void A_buffer_under_one_huge_page_gets_no_slack_and_starts_where_it_was_allocated(long bytes)
    {
        Assert.That(FreshMemory.HugePageSlack(bytes), Is.Zero);
        Assert.That((nint)FreshMemory.HugePageStart((void*)0x1234_5670, bytes), Is.EqualTo((nint)0x1234_5670));
    }

    [TestCase(HugePage, 0x7f00_0000_0010L)]
    [TestCase(4_000_000L, 0x7f00_0000_0010L)]
    [TestCase(4_000_000L, 0x7f00_001f_fff0L)]
    [TestCase(40_000_000L, 0x7f00_0020_0000L)]
    [TestCase(40_000_000L, 0x7f00_0020_0010L)]
    public void A_large_buffer_starts_on_a_huge_page_inside_its_allocation(long bytes, long allocation)
    {
        long start = (long)(nint)FreshMemory.HugePageStart((void*)(nint)allocation, bytes);
        Assert.That(start % HugePage, Is.Zero);
        Assert.That(start, Is.GreaterThanOrEqualTo(allocation));
        Assert.That(start + bytes, Is.LessThanOrEqualTo(allocation + bytes + FreshMemory.HugePageSlack(bytes)));
    }

    [Test]
    public void A_buffer_lacking_little_of_whole_huge_pages_is_given_room_to_end_on_one()
    {
        // 1e6 float32: 194,304 bytes short of two huge pages.
        long bytes = 4_000_000, allocation = 0x7f00_0000_0010;
        long start = (long)(nint)FreshMemory.HugePageStart((void*)(nint)allocation, bytes);
        Assert.That(allocation + bytes + FreshMemory.HugePageSlack(bytes), Is.GreaterThanOrEqualTo(start + 2 * HugePage));
    }

    [Test]
    public void A_buffer_lacking_much_of_its_last_huge_page_gets_only_the_room_to_start_on_one()
    {
        // 1e7 float32: 1.85 MiB short of twenty huge pages, which would be memory it never uses.
        Assert.That(FreshMemory.HugePageSlack(40_000_000), Is.EqualTo(HugePage));
    }
}
