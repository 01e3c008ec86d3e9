namespace HybridSim.Specs.Workloads;

/// <summary>
/// Where an "option A" shortcut's channels go among the output's on an <c>add</c> (<c>pad_shortcut:</c>); the
/// channels not covered get zero. The cost side moves the same values either way; only the functional model differs.
/// </summary>
public enum ShortcutPadding
{
    /// <summary>Not an option-A add: every input has the output's shape.</summary>
    None,

    /// <summary><c>pad_shortcut: end</c> (or <c>true</c>): the shortcut's channels first, zeros after
    /// (<c>torch.cat([x[:, :, ::2, ::2], zeros], 1)</c>).</summary>
    End,

    /// <summary><c>pad_shortcut: symmetric</c>: (Cout − Cin)/2 zero channels on each side
    /// (<c>F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, p, p))</c>, the usual PyTorch CIFAR ResNet).</summary>
    Symmetric,
}
