"""A module traced in PyTorch for the "bring your own model" test: a small spectrogram classifier, its input and output.

Usage: traced_module.py MODULE.pt EXPECTED.json
EXPECTED.json: {"input": [...], "shape": [...], "output": [...]} so the C# side feeds the same input and compares.
"""
import json
import sys

import torch
from torch import nn


class TinyTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.output = nn.Linear(4, 3)

    def forward(self, x):
        return self.output(torch.relu(self.conv(x)).mean(dim=(2, 3)))


torch.manual_seed(0)
module = TinyTagger().eval()
example = torch.randn(2, 1, 16, 20)
traced = torch.jit.trace(module, example)
traced.save(sys.argv[1])
with torch.no_grad():
    output = module(example)
json.dump({"input": example.flatten().tolist(), "shape": list(example.shape), "output": output.flatten().tolist()}, open(sys.argv[2], "w"))
