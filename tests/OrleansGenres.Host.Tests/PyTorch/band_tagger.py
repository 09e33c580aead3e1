"""A "bring your own model" module for the service test: traced in PyTorch (Debian's python3-torch), it tags log-mel
windows [batch, 1, n_mels, frames] as "low" or "high" by where their energy sits, "quiet" never wins.

Usage: band_tagger.py MODULE.pt N_MELS
"""
import sys

import torch
from torch import nn


class BandTagger(nn.Module):
    def __init__(self, n_mels):
        super().__init__()
        self.half = n_mels // 2
        self.scale = nn.Parameter(torch.tensor(0.5))

    def forward(self, x):
        low = x[:, :, : self.half].mean(dim=(1, 2, 3))
        high = x[:, :, self.half :].mean(dim=(1, 2, 3))
        quiet = torch.full_like(low, -1000.0)
        return torch.stack([low - high, high - low, quiet], dim=1) * self.scale


n_mels = int(sys.argv[2])
module = BandTagger(n_mels).eval()
traced = torch.jit.trace(module, torch.randn(2, 1, n_mels, 40))
traced.save(sys.argv[1])
