"""PyTorch's side of the state-dict interop test: read a state dict TorchSharp wrote, describe it, write one back.

Usage: state_dict_roundtrip.py IN.pt SUMMARY.json OUT.pt
SUMMARY.json: {name: {"shape": [...], "sum": float}} of what PyTorch read; OUT.pt: every floating tensor doubled.
"""
import json
import sys

import torch

state = torch.load(sys.argv[1])
json.dump({name: {"shape": list(t.shape), "sum": float(t.double().sum())} for name, t in state.items()}, open(sys.argv[2], "w"))
torch.save({name: t * 2 if t.is_floating_point() else t for name, t in state.items()}, sys.argv[3])
