namespace HybridSim.Specs.Yaml;

/// <summary>Suggests the closest known name for a misspelt one (edit distance, case-insensitive).</summary>
public static class DidYouMean
{
    /// <summary>The best candidate within a distance of about a third of the name's length, or null.</summary>
    public static string? Suggest(string unknown, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(2, unknown.Length / 3);
        foreach (var candidate in candidates.Distinct().OrderBy(c => c, StringComparer.Ordinal))
        {
            var d = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "", for appending to a message.</summary>
    public static string Hint(string unknown, IEnumerable<string> candidates) =>
        Suggest(unknown, candidates) is { } s ? $" (did you mean '{s}'?)" : "";

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
