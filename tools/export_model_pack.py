#!/usr/bin/env python3
"""Turn a PyTorch checkpoint into a Hilum model pack (model.json + weights.pt).

Uses Debian's python3-torch (and python3-torchvision for --torchvision-random); downloads nothing.
LibTorch's torch::pickle_load cannot rebuild the OrderedDict that state_dict() returns, so the
weights are saved as a plain dict. Keys from DataParallel ("module.") are stripped; Hilum's loader
also understands pre-0.4 torchvision DenseNet names ("norm.1").

  tools/export_model_pack.py CHECKPOINT OUT_DIR --architecture densenet121 \
      --labels Atelectasis,Cardiomegaly,... --name chexnet --version 1.0 [--input-size 224] \
      [--normalization imagenet|xrv|unit] [--channels 3] [--task multi-label|single-label]

CHECKPOINT may hold a state dict, {"state_dict": ...}, or a whole pickled model.
--torchvision-random ARCH writes a randomly initialised torchvision network instead (for parity
checks between torchvision and Hilum's C++ networks).
"""
import argparse
import hashlib
import json
import os
import sys
import tempfile

import torch


def load_state_dict(path):
    obj = torch.load(path, map_location="cpu")
    if isinstance(obj, torch.nn.Module):
        obj = obj.state_dict()
    if isinstance(obj, dict) and "state_dict" in obj and isinstance(obj["state_dict"], dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict):
        sys.exit(f"{path}: holds no state dict")
    return {k[7:] if k.startswith("module.") else k: v for k, v in obj.items() if torch.is_tensor(v)}


def atomic_write(path, write):
    folder = os.path.dirname(os.path.abspath(path))
    # torch.save names the zip archive after the file: the name must be a plain identifier-like one.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="tmp_", suffix=".part")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("checkpoint", nargs="?")
    p.add_argument("out_dir")
    p.add_argument("--torchvision-random", metavar="ARCH")
    p.add_argument("--architecture")
    p.add_argument("--labels", required=True, help="comma-separated, in output order")
    p.add_argument("--name", required=True)
    p.add_argument("--version", default="1.0")
    p.add_argument("--task", default="multi-label", choices=["multi-label", "single-label"])
    p.add_argument("--input-size", type=int, default=224)
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--normalization", default="imagenet")
    p.add_argument("--resize", default="squash")
    p.add_argument("--data", default="", help="training data, for provenance")
    args = p.parse_args()

    labels = [l for l in args.labels.split(",") if l]
    if args.torchvision_random:
        import torchvision
        torch.manual_seed(0)
        model = getattr(torchvision.models, args.torchvision_random)(weights=None, num_classes=len(labels))
        state = model.state_dict()
        architecture = args.torchvision_random
    else:
        if not args.checkpoint or not args.architecture:
            sys.exit("need CHECKPOINT and --architecture (or --torchvision-random ARCH)")
        state = load_state_dict(args.checkpoint)
        architecture = args.architecture

    os.makedirs(args.out_dir, exist_ok=True)
    weights = os.path.join(args.out_dir, "weights.pt")
    atomic_write(weights, lambda tmp: torch.save(dict(state), tmp))
    with open(weights, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    manifest = {
        "format_version": 1,
        "name": args.name,
        "version": args.version,
        "architecture": architecture,
        "task": args.task,
        "labels": [{"name": l} for l in labels],
        "input": {"size": args.input_size, "channels": args.channels},
        "preprocessing": {"resize": args.resize, "normalization": args.normalization, "window": "default"},
        "operating_points": {},
        "gradcam": {"target_layer": "features"},
        "weights": {"file": "weights.pt", "format": "state-dict", "sha256": sha},
        "provenance": {"data": args.data, "command": " ".join(sys.argv), "date": ""},
    }
    atomic_write(os.path.join(args.out_dir, "model.json"),
                 lambda tmp: open(tmp, "w").write(json.dumps(manifest, indent=2) + "\n"))
    print(f"{args.out_dir}: {architecture}, {len(state)} tensors, sha256 {sha[:12]}...")


if __name__ == "__main__":
    main()
