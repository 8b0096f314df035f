#!/usr/bin/env python3
"""Training-step throughput of Hilum's architectures on a CUDA GPU, with torchvision's models.

Hilum's Debian LibTorch is CPU-only, so the GPU side of docs/scale-out.md's estimate comes from the
same networks (Hilum's ResNet-18 and DenseNet-121 are torchvision's, key for key) in a CUDA PyTorch:
forward + backward + AdamW step, float32 and bfloat16 autocast, channels-last, 14 sigmoid outputs
at 224 px. Prints one JSON line per configuration: median step ms and images/s.

    python3 tools/bench-gpu-step.py [--batch 64] [--runs 30]
"""
import argparse
import json
import statistics
import time

import torch
import torchvision


def step_times(arch, batch, size, dtype, runs):
    net = getattr(torchvision.models, arch)(num_classes=14).cuda().to(memory_format=torch.channels_last)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
    x = torch.randn(batch, 3, size, size, device="cuda").to(memory_format=torch.channels_last)
    y = torch.randint(0, 2, (batch, 14), device="cuda").float()
    loss_fn = torch.nn.BCEWithLogitsLoss()
    times = []
    for i in range(runs + 5):
        torch.cuda.synchronize()
        t = time.perf_counter()
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=dtype == "bf16"):
            loss = loss_fn(net(x).float(), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        torch.cuda.synchronize()
        if i >= 5:
            times.append((time.perf_counter() - t) * 1000)
    params = sum(p.numel() for p in net.parameters())
    return statistics.median(times), params


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    torch.backends.cudnn.benchmark = True
    print(json.dumps({"device": torch.cuda.get_device_name(0), "torch": torch.__version__}))
    for arch in ("resnet18", "densenet121"):
        for dtype in ("fp32", "bf16"):
            ms, params = step_times(arch, args.batch, args.size, dtype, args.runs)
            print(json.dumps({"arch": arch, "dtype": dtype, "batch": args.batch, "size": args.size,
                              "median_step_ms": round(ms, 2), "images_per_s": round(1000 * args.batch / ms),
                              "parameters": params, "gradient_mb_fp32": round(params * 4 / 2**20, 1)}), flush=True)


if __name__ == "__main__":
    main()
