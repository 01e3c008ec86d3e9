namespace HybridSim.Sweeps.Tests;

public sealed class ParetoFrontTests
{
    [Fact]
    public void The_front_is_exactly_the_non_dominated_points_ordered_by_x()
    {
        (double X, double Y)[] points =
        [
            (1, 5),         // 0: front
            (2, 4),         // 1: front
            (2, 3),         // 2: dominated by 1 (same x, lower y)
            (3, 1),         // 3: front
            (0.5, 5),       // 4: dominated by 0 (same y, lower x)
            (1, 5),         // 5: equal to 0: neither dominates the other, both on the front
            (double.NaN, 9), // 6: not a point
            (2.5, 0.5),     // 7: dominated by 3
            (4, 0),         // 8: front (largest x)
            (1.5, 3.5),     // 9: dominated by 1
        ];

        var front = ParetoFront.Indices(points);

        Assert.Equal([0, 5, 1, 3, 8], front.AsEnumerable());
    }

    [Fact]
    public void A_single_point_is_its_own_front_and_no_points_have_none()
    {
        Assert.Equal([0], ParetoFront.Indices([(2, 0.9)]).AsEnumerable());
        Assert.Empty(ParetoFront.Indices([]));
        Assert.Empty(ParetoFront.Indices([(double.PositiveInfinity, 1), (1, double.NaN)]));
    }

    [Fact]
    public void Improvement_bought_with_accuracy_keeps_every_point_on_the_front()
    {
        // energy improvement up, accuracy down: a trade-off curve, nothing dominated
        (double X, double Y)[] points = [(3.2, 87.1), (1, 91.5), (2.1, 90.5), (1.4, 91.2)];

        Assert.Equal([1, 3, 2, 0], ParetoFront.Indices(points).AsEnumerable());
    }
}
