namespace HybridSim.Plotting;

/// <summary>A rectangle in SVG user units (pixels), y growing downwards.</summary>
internal readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + Width / 2;

    public double CenterY => Y + Height / 2;
}
