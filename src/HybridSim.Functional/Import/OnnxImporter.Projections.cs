namespace HybridSim.Functional.Import;

public static partial class OnnxImporter
{
    /// <summary>Finding the projection shortcuts of residual blocks among the imported convs.</summary>
    private sealed partial class Conversion
    {
        /// <summary>
        /// A 1x1 conv that reads the same tensor as another conv, where the first of them opens a residual block, is the
        /// block's projection shortcut: it gets <c>shortcut_of</c> the other, so freeze-x numbers the main path only.
        /// </summary>
        private void MarkProjections()
        {
            var convs = _layers.Where(l => l.Kind == "conv").ToList();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var shortcut in convs.Where(c => c.KernelHeight == 1 && c.KernelWidth == 1))
            {
                var main = convs.FirstOrDefault(c => c != shortcut && c.ShortcutOf is null && !used.Contains(c.Name)
                    && c.Inputs.SequenceEqual(shortcut.Inputs) && c.Output == shortcut.Output
                    && !(c.KernelHeight == 1 && c.KernelWidth == 1 && convs.IndexOf(c) > convs.IndexOf(shortcut)));
                if (main is not null && FeedsAdd(shortcut))
                {
                    shortcut.ShortcutOf = main.Name;
                    used.Add(shortcut.Name);
                }
            }
        }

        /// <summary>Whether the layer's output reaches an add through batch norms only.</summary>
        private bool FeedsAdd(ImportedLayer layer)
        {
            var name = layer.Name;
            while (true)
            {
                var readers = _layers.Where(l => l.Inputs.Contains(name)).ToList();
                if (readers.Count != 1)
                {
                    return false;
                }

                if (readers[0].Kind == "add")
                {
                    return true;
                }

                if (readers[0].Kind != "batchnorm")
                {
                    return false;
                }

                name = readers[0].Name;
            }
        }
    }
}
