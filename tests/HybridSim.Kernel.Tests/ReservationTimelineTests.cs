namespace HybridSim.Kernel.Tests;

public sealed class ReservationTimelineTests
{
    [Fact]
    public void Bookings_queue_behind_overlapping_ones()
    {
        var t = new ReservationTimeline();

        Assert.Equal(10, t.Reserve(10, 5, 0));
        Assert.Equal(15, t.Reserve(12, 5, 0));
        Assert.Equal(20, t.Reserve(10, 1, 0));
        Assert.Equal(11, t.BusyTime);
    }

    [Fact]
    public void A_later_booking_for_an_earlier_time_takes_a_gap_that_fits()
    {
        var t = new ReservationTimeline();
        t.Reserve(100, 10, 0);

        Assert.Equal(20, t.Reserve(20, 30, 0));   // fits before 100
        Assert.Equal(110, t.Reserve(60, 50, 0));  // [60,110) would overlap [100,110)
        Assert.Equal(50, t.Peek(50, 10, 0));
    }

    [Fact]
    public void Bookings_that_ended_before_now_no_longer_matter()
    {
        var t = new ReservationTimeline();
        for (var i = 0; i < 1000; i++)
        {
            t.Reserve(i * 10, 5, i * 10);
        }

        Assert.Equal(9995, t.Reserve(9991, 5, 9990));
        Assert.Equal(9995 + 5, t.LastEnd);
    }
}
