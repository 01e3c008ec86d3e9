#!/usr/bin/python3
"""PyTorch's side of `HybridSim.Bench compare`: ResNet-20 (CIFAR shape, option-A shortcuts, as
workloads/resnet20-cifar.yaml) float forward and training images/s on random data, on the thread count given.

Measured with Debian's python3-torch (1.13; `apt-get install python3-torch`). Prints one line per figure,
`forward <images/s>` and `training <images/s>`, which the bench verb reads.
Usage: pytorch_resnet20.py THREADS IMAGES
"""
import sys
import time

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
        self.pad = cout - cin
        self.stride = stride

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        s = x
        if self.stride != 1 or self.pad:
            s = F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, 0, self.pad))
        return F.relu(y + s)


class ResNet20(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        blocks, cin = [], 16
        for cout, stride in [(16, 1), (32, 2), (64, 2)]:
            for b in range(3):
                blocks.append(Block(cin, cout, stride if b == 0 else 1))
                cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.blocks(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def best_of(runs, body):
    body()  # warm-up
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    threads, images = int(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = ResNet20()
    batch = 64
    data = torch.rand(images, 3, 32, 32)
    labels = torch.randint(0, 10, (images,))

    def forward():
        net.eval()
        with torch.no_grad():
            for i in range(0, images, batch):
                net(data[i:i + batch])

    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)

    def train():
        net.train()
        for i in range(0, images, batch):
            optimizer.zero_grad()
            loss = F.cross_entropy(net(data[i:i + batch]), labels[i:i + batch])
            loss.backward()
            optimizer.step()

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"forward {images / best_of(3, forward):.1f}")
    print(f"training {images / best_of(3, train):.1f}")


if __name__ == "__main__":
    main()
