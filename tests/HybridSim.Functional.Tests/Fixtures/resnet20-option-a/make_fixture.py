"""Makes the option-A ResNet-20 fixture of OptionAShortcutTests (made with Debian's PyTorch 1.13.0a0 and NumPy 1.x):

    /usr/bin/python3 make_fixture.py

A standard CIFAR ResNet-20 whose parameter-free shortcuts pad symmetrically, the usual PyTorch option A
(He et al. 2016; the widely copied `LambdaLayer(lambda x: F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, p, p)))`),
randomly initialised with random batch-norm statistics, in eval mode. Writes
  weights.npz  its state_dict under workloads/resnet20-cifar.yaml's layer names (num_batches_tracked dropped)
  logits.npz   'inputs' (4 x 3 x 32 x 32, normal, image k scaled by k + 1), 'logits' (4 x 10): the model's outputs
               on them, and 'logits_end' (4 x 10): the same weights with the shortcut's channels first and the
               zeros after, `torch.cat([x[:, :, ::2, ::2], zeros], 1)` (HybridSim's pad_shortcut: end)
Both are np.savez files of float32 C-order arrays. The test needs neither Python nor PyTorch.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.pad = (cout - cin) // 2 if stride != 1 or cin != cout else None
        self.symmetric = True

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.pad is None:
            shortcut = x
        elif self.symmetric:
            shortcut = F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, self.pad, self.pad))
        else:
            sub = x[:, :, ::2, ::2]
            shortcut = torch.cat([sub, torch.zeros_like(sub).repeat(1, 2, 1, 1)[:, : 2 * self.pad]], 1)
        return F.relu(out + shortcut)


class ResNet20(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        blocks, cin = [], 16
        for stage, cout in enumerate([16, 32, 64], start=1):
            for b in range(3):
                blocks.append((f"s{stage}.b{b}", Block(cin, cout, 2 if stage > 1 and b == 0 else 1)))
                cin = cout
        self.names = [n for n, _ in blocks]
        self.blocks = nn.ModuleList([m for _, m in blocks])
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        for block in self.blocks:
            x = block(x)
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


def main():
    torch.manual_seed(20)
    model = ResNet20()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 2.0)
    model.eval()

    weights = {}
    for key, value in model.state_dict().items():
        if key.endswith("num_batches_tracked"):
            continue
        if key.startswith("blocks."):
            _, index, rest = key.split(".", 2)
            key = model.names[int(index)] + "." + rest
        weights[key] = value.numpy().astype(np.float32)

    inputs = torch.randn(4, 3, 32, 32) * torch.arange(1, 5, dtype=torch.float32).view(4, 1, 1, 1)
    with torch.no_grad():
        logits = model(inputs)
        for block in model.blocks:
            block.symmetric = False
        logits_end = model(inputs)
    np.savez("weights.npz", **weights)
    np.savez("logits.npz", inputs=inputs.numpy(), logits=logits.numpy(), logits_end=logits_end.numpy())
    print(torch.__version__, len(weights), "tensors;", logits.numpy(), "end:", logits_end.numpy())


if __name__ == "__main__":
    main()
