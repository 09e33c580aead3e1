#!/usr/bin/env python3
"""PyTorch reference for bench `train`: the same networks as src/native/src/models, one AdamW step and one
inference batch on random log-mel windows, timed as a median. Prints one JSON line:
{"trainSeconds": s, "inferSeconds": s, "parameters": n, "torch": version}.
Run with Debian's python3-torch (/usr/bin/python3), which wraps the same libtorch as the native library."""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Cbam(nn.Module):
    def __init__(self, channels, reduction=8):
        super().__init__()
        hidden = max(1, channels // reduction)
        self.mlp = nn.Sequential(nn.Linear(channels, hidden), nn.ReLU(), nn.Linear(hidden, channels))
        self.conv = nn.Conv2d(2, 1, 7, padding=3, bias=False)

    def forward(self, x):
        weights = torch.sigmoid(self.mlp(x.mean((2, 3))) + self.mlp(x.flatten(2).max(2)[0]))
        x = x * weights[:, :, None, None]
        descriptors = torch.cat([x.mean(1, keepdim=True), x.max(1, keepdim=True)[0]], 1)
        return x * torch.sigmoid(self.conv(descriptors))


class SpectrogramCnn(nn.Module):
    def __init__(self, classes, attention, dropout=0.3, channels=(32, 64, 128), hidden=128):
        super().__init__()
        layers, cin = [], 1
        for cout in channels:
            layers += [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout2d(0.1)]
            if attention:
                layers.append(Cbam(cout))
            cin = cout
        self.features = nn.Sequential(*layers)
        self.hidden = nn.Linear(cin, hidden)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(hidden, classes)

    def forward(self, x):
        x = self.features(x).mean((2, 3))
        return self.output(self.dropout(F.relu(self.hidden(x))))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(y)) + self.shortcut(x))


class ResTransformer(nn.Module):
    def __init__(self, classes, n_mels, dropout=0.3, channels=(16, 24, 40), d=64, heads=4, ff=256, head_hidden=96):
        super().__init__()
        layers = [nn.Conv2d(1, channels[0], 3, padding=1, bias=False), nn.BatchNorm2d(channels[0]), nn.ReLU()]
        cin, mels = channels[0], n_mels
        for cout in channels:
            layers.append(BasicBlock(cin, cout, 2))
            cin, mels = cout, (mels + 1) // 2
        self.convs = nn.Sequential(*layers)
        self.to_sequence = nn.Linear(cin * mels, d)
        self.cls = nn.Parameter(torch.randn(1, 1, d) * 0.02)
        self.encoder = nn.TransformerEncoderLayer(d, heads, ff, dropout)  # post-norm, ReLU, [S, B, d]
        self.norm = nn.LayerNorm(d)
        self.projection = nn.Linear(d, 2 * head_hidden)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(head_hidden, classes)
        self.d = d

    def forward(self, x):
        x = self.convs(x).permute(0, 3, 1, 2).flatten(2)
        x = self.to_sequence(x)
        t = x.size(1)
        position = torch.arange(t, dtype=x.dtype).unsqueeze(1)
        frequencies = torch.exp(torch.arange(0, self.d, 2, dtype=x.dtype) * (-math.log(10000.0) / self.d))
        encoding = torch.zeros(t, self.d)
        encoding[:, 0::2] = torch.sin(position * frequencies)
        encoding[:, 1::2] = torch.cos(position * frequencies)
        x = torch.cat([self.cls.expand(x.size(0), 1, self.d), x + encoding], 1)
        cls = self.norm(self.encoder(x.transpose(0, 1))[0])
        a, b = self.projection(cls).chunk(2, -1)
        return self.output(self.dropout(F.silu(a) * b))


class TemporalCnn(nn.Module):
    """As src/native/src/models/temporal_cnn.cpp: 1-D convs over time, mel bands as channels, mean ‖ max pooling."""

    def __init__(self, classes, n_mels, width=128, kernels=(5, 3, 3, 3), pools=(4, 2, 2, 1), dropout=0.3):
        super().__init__()
        self.input_norm = nn.BatchNorm1d(n_mels)
        layers, cin = [], n_mels
        for i, (kernel, pool) in enumerate(zip(kernels, pools)):
            cout = 2 * width if i == len(kernels) - 1 else width
            layers += [nn.Conv1d(cin, cout, kernel, padding=kernel // 2, bias=False), nn.BatchNorm1d(cout), nn.ReLU()]
            if pool > 1:
                layers.append(nn.MaxPool1d(pool, ceil_mode=True))
            cin = cout
        self.blocks = nn.Sequential(*layers)
        self.hidden = nn.Linear(2 * cin, width)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(width, classes)

    def forward(self, x):
        x = self.blocks(self.input_norm(x.squeeze(1)))
        x = torch.cat([x.mean(2), x.amax(2)], 1)
        return self.output(self.dropout(F.relu(self.hidden(x))))


def median_seconds(steps, action):
    action()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return sorted(times)[steps // 2]


class ResNet18(nn.Module):
    """As src/OrleansGenres.Torch/Models/ResNet18.cs: torchvision's ResNet18 layout on one input channel."""

    def __init__(self, classes, dropout=0.3):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        blocks, cin = [], 64
        for width in (64, 128, 256, 512):
            blocks += [BasicBlock(cin, width, 1 if width == 64 else 2), BasicBlock(width, width, 1)]
            cin = width
        self.layers = nn.Sequential(*blocks)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(512, classes)

    def forward(self, x):
        return self.output(self.dropout(self.layers(self.stem(x)).mean((2, 3))))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", required=True)
    p.add_argument("--mels", type=int, default=64)
    p.add_argument("--frames", type=int, default=173)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--steps", type=int, default=15)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.manual_seed(1)
    torch.set_num_threads(a.threads)
    if a.arch in ("cnn", "cnn-cbam"):
        model = SpectrogramCnn(a.classes, a.arch == "cnn-cbam")
    elif a.arch == "res-transformer":
        model = ResTransformer(a.classes, a.mels)
    elif a.arch == "temporal-cnn":
        model = TemporalCnn(a.classes, a.mels)
    elif a.arch == "resnet18":
        model = ResNet18(a.classes)
    else:
        raise SystemExit(f"no PyTorch reference for {a.arch}")
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    inputs = torch.rand(a.batch, 1, a.mels, a.frames) * 80 - 80
    targets = torch.arange(a.batch) % a.classes

    def step():
        model.train()
        optimizer.zero_grad()
        loss = F.cross_entropy(model(inputs), targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()

    def infer():
        model.eval()
        with torch.no_grad():
            model(inputs)

    train = median_seconds(a.steps, step)
    inference = median_seconds(a.steps, infer)
    print(json.dumps({"trainSeconds": train, "inferSeconds": inference,
                      "parameters": sum(p.numel() for p in model.parameters()), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
