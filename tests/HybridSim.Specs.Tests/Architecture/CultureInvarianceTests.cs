using System.Globalization;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Units;

namespace HybridSim.Specs.Tests.Architecture;

/// <summary>Parsing and formatting give the same results under a comma-decimal culture.</summary>
public sealed class CultureInvarianceTests
{
    private static T UnderGerman<T>(Func<T> action)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Units_parse_and_format_the_same_under_de_DE()
    {
        Assert.Equal(1.8e-12, UnderGerman(() => UnitParser.Parse("1.8pJ", UnitKind.Energy)));
        Assert.Equal("12.5ns", UnderGerman(() => UnitFormatter.Format(12.5e-9, UnitKind.Time)));
        Assert.False(UnderGerman(() => UnitParser.TryParse("1,8pJ", UnitKind.Energy, null, out _, out _)));
    }

    [Fact]
    public void Loading_and_writing_an_architecture_is_identical_under_de_DE()
    {
        var path = RepositoryPaths.Arch("hyperx-64-8b.yaml");
        var invariant = ResolvedArchitectureWriter.Write(ArchitectureLoader.Load(path));
        var german = UnderGerman(() => ResolvedArchitectureWriter.Write(ArchitectureLoader.Load(path)));
        Assert.Equal(invariant, german);
        Assert.Contains("energy: {access: 1.575pJ}", german, StringComparison.Ordinal);
    }
}
