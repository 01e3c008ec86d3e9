using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Data;

/// <summary>Builds the errors the data readers throw: a <see cref="SpecException"/> naming the file and the <c>--data</c> option.</summary>
internal static class DataError
{
    public const string Option = "--data";

    public static SpecException At(string file, string message) => new(new SpecError(file, 0, 0, Option, message));

    public static SpecException At(string file, int line, int column, string message) =>
        new(new SpecError(file, line, column, Option, message));
}
