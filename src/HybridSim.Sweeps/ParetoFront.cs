using System.Collections.Immutable;

namespace HybridSim.Sweeps;

/// <summary>
/// The Pareto front of a set of operating points where higher is better in both coordinates (an improvement and the
/// accuracy): the points that no other point dominates. A point dominates another when it is at least as high in both
/// coordinates and higher in one; equal points do not dominate each other, so all of them are on the front.
/// </summary>
public static class ParetoFront
{
    /// <summary>
    /// Indices of the non-dominated points, ordered by <c>X</c> ascending (then <c>Y</c> descending, then index), the order
    /// to draw the front as a line. Points with a non-finite coordinate are neither on the front nor dominate anything.
    /// </summary>
    public static ImmutableArray<int> Indices(IReadOnlyList<(double X, double Y)> points)
    {
        bool Finite(int i) => double.IsFinite(points[i].X) && double.IsFinite(points[i].Y);
        bool Dominates(int a, int b) =>
            points[a].X >= points[b].X && points[a].Y >= points[b].Y && (points[a].X > points[b].X || points[a].Y > points[b].Y);

        var candidates = Enumerable.Range(0, points.Count).Where(Finite).ToList();
        return candidates.Where(i => !candidates.Any(j => Dominates(j, i)))
            .OrderBy(i => points[i].X).ThenByDescending(i => points[i].Y).ThenBy(i => i)
            .ToImmutableArray();
    }
}
