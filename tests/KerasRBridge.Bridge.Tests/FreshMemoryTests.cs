using KerasRBridge.Bridge.Conversion;

namespace KerasRBridge.Bridge.Tests;

/// <summary>
/// Where the engine places a buffer inside memory allocated for it: from
/// <see cref="FreshMemory.PlacedFrom"/> (8 MiB) up, on a huge page (2 MiB) boundary, within the
/// allocation, its end rounded up to a whole huge page only when that costs at most an eighth of
/// one; smaller buffers where they were allocated, with no slack.
/// </summary>
public unsafe class FreshMemoryTests
{
    private const long HugePage = 2 * 1024 * 1024;

    // An allocation just past a huge page boundary: the farthest its buffer must move.
    private const long WorstPlaced = 0x7f00_0000_0010;

    [TestCase(0L)]
    [TestCase(4096L)]
    [TestCase(HugePage)]
    [TestCase(4_000_000L)]
    [TestCase(FreshMemory.PlacedFrom - 1)]
    public void A_buffer_under_8_MiB_gets_no_slack_and_starts_where_it_was_allocated(long bytes)
    {
        Assert.That(FreshMemory.HugePageSlack(bytes), Is.Zero);
        Assert.That((long)(nint)FreshMemory.HugePageStart((void*)unchecked((nint)WorstPlaced), bytes), Is.EqualTo(WorstPlaced));
    }

    [TestCase(FreshMemory.PlacedFrom, WorstPlaced)]
    [TestCase(16_000_000L, WorstPlaced)]
    [TestCase(16_000_000L, 0x7f00_001f_fff0L)]
    [TestCase(40_000_000L, 0x7f00_0020_0000L)]
    [TestCase(40_000_000L, WorstPlaced)]
    [TestCase(5 * HugePage - 256 * 1024, WorstPlaced)]
    public void A_large_buffer_and_its_rounded_end_start_on_a_huge_page_inside_its_allocation(long bytes, long allocation)
    {
        long start = (long)(nint)FreshMemory.HugePageStart((void*)(nint)allocation, bytes);
        long slack = FreshMemory.HugePageSlack(bytes);
        long roundedEnd = start + bytes + (slack - HugePage);
        Assert.That(start % HugePage, Is.Zero);
        Assert.That(start, Is.GreaterThanOrEqualTo(allocation));
        Assert.That(roundedEnd, Is.LessThanOrEqualTo(allocation + bytes + slack));
    }

    [Test]
    public void A_buffer_lacking_at_most_256_KiB_of_whole_huge_pages_gets_room_to_end_on_one()
    {
        long bytes = 5 * HugePage - 256 * 1024;
        long start = (long)(nint)FreshMemory.HugePageStart((void*)unchecked((nint)WorstPlaced), bytes);
        Assert.That(FreshMemory.HugePageSlack(bytes), Is.EqualTo(HugePage + 256 * 1024));
        Assert.That(WorstPlaced + bytes + FreshMemory.HugePageSlack(bytes), Is.GreaterThanOrEqualTo(start + 5 * HugePage));
    }

    [TestCase(5 * HugePage - 256 * 1024 - 1)]
    [TestCase(40_000_000L)]
    public void A_buffer_lacking_more_of_its_last_huge_page_gets_only_the_room_to_start_on_one(long bytes)
    {
        // 1e7 float32 lacks 1.85 MiB of twenty huge pages: memory it would never use.
        Assert.That(FreshMemory.HugePageSlack(bytes), Is.EqualTo(HugePage));
    }
}
