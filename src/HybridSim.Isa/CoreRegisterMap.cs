namespace HybridSim.Isa;

/// <summary>
/// A core's register address space, as in PUMA: MVMU input buffers first (Rows words per MVMU),
/// then MVMU output buffers (Cols words per MVMU), then the general register file (data memory).
/// </summary>
public sealed record CoreRegisterMap(int Mvmus, int MvmuRows, int MvmuCols, int RegisterFileWords)
{
    public int InputBufferBase => 0;

    public int OutputBufferBase => Mvmus * MvmuRows;

    public int DataBase => OutputBufferBase + (Mvmus * MvmuCols);

    public int Size => DataBase + RegisterFileWords;

    public int InputBuffer(int mvmu) => InputBufferBase + (mvmu * MvmuRows);

    public int OutputBuffer(int mvmu) => OutputBufferBase + (mvmu * MvmuCols);

    public RegisterSpace Classify(int address) =>
        address < OutputBufferBase ? RegisterSpace.MvmuInput
        : address < DataBase ? RegisterSpace.MvmuOutput
        : RegisterSpace.Data;
}
