namespace HybridSim.Plotting;

/// <summary>The mark drawn at each point of a <see cref="LineSeries"/>.</summary>
public enum MarkerShape
{
    Circle,
    Square,
    Triangle,
    Diamond,
    InvertedTriangle,

    /// <summary>An open circle larger than the other marks, to single out a point drawn by another series.</summary>
    Ring,

    /// <summary>No mark: the line alone.</summary>
    None,
}
