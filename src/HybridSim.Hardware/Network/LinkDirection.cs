namespace HybridSim.Hardware.Network;

/// <summary>Direction of a router's outgoing mesh link (x grows east, y grows south); the value indexes the router's links.</summary>
public enum LinkDirection
{
    East,
    West,
    North,
    South,
}
