#!/usr/bin/python3
# make-onnx-fixtures.py: ONNX generators made by PyTorch itself, for the ONNX Runtime backend's tests (the tests never
# run Python). Run once with Debian's python3-torch (1.13), python3-onnx and python3-numpy:
#
#   /usr/bin/python3 scripts/make-onnx-fixtures.py [tests/Dcgan.Onnx.Tests/Fixtures/pytorch-examples]
#
# For nc = 1 and 3 it builds pytorch/examples' dcgan/main.py Generator (ConvTranspose2d / BatchNorm2d / ReLU / Tanh,
# z [N, nz, 1, 1], 64x64) at small widths (nz 16, ngf 8), draws its weights at a scale that keeps activations of order 1
# (the DCGAN init's N(0, 0.02) gives images within 0.01 of 0 at this width, too flat for a 1e-5 comparison), sets the
# batch-norm scale, shift and running statistics to non-trivial values, runs it in eval mode on a fixed z and writes:
#   g-nc{C}.onnx       torch.onnx.export, opset 13, input "input" [N, 16, 1, 1], output "output" [N, C, 64, 64],
#                      dynamic batch axis; no Dcgan metadata (the prior, N(0, 1), is given in the tests' options)
#   z-nc{C}.npy        float32 [4, 16, 1, 1]
#   images-nc{C}.npy   float32 [4, C, 64, 64]: PyTorch's eval-mode G(z)
import math
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn

NZ, NGF, ROWS = 16, 8, 4


class Generator(nn.Module):
    """pytorch/examples dcgan/main.py's Generator with nz, ngf, nc as arguments (same layers, same order)."""

    def __init__(self, nz, ngf, nc):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False),       # [N, ngf*8, 4, 4]
            nn.BatchNorm2d(ngf * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),  # [N, ngf*4, 8, 8]
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),  # [N, ngf*2, 16, 16]
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False),      # [N, ngf, 32, 32]
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False),           # [N, nc, 64, 64]
            nn.Tanh(),
        )

    def forward(self, input):
        return self.main(input)


def perturb(net, gen):
    """Order-1 weights and batch-norm parameters and running statistics far from their initial values."""
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, nn.ConvTranspose2d):
                fan_in = m.weight.shape[0] * m.weight.shape[2] * m.weight.shape[3] / (m.stride[0] * m.stride[1])
                m.weight.copy_(torch.randn(m.weight.shape, generator=gen) / math.sqrt(fan_in))
            elif isinstance(m, nn.BatchNorm2d):
                n = m.num_features
                m.weight.copy_(0.5 + torch.rand(n, generator=gen))
                m.bias.copy_(0.3 * torch.randn(n, generator=gen))
                m.running_mean.copy_(0.5 * torch.randn(n, generator=gen))
                m.running_var.copy_(0.25 + 2 * torch.rand(n, generator=gen))


def make(folder, nc):
    gen = torch.Generator().manual_seed(1000 + nc)
    net = Generator(NZ, NGF, nc)
    perturb(net, gen)
    net.eval()
    z = torch.randn(ROWS, NZ, 1, 1, generator=gen)
    with torch.no_grad():
        images = net(z)
    model = os.path.join(folder, f"g-nc{nc}.onnx")
    torch.onnx.export(net, z, model, opset_version=13, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
    onnx.checker.check_model(onnx.load(model))
    np.save(os.path.join(folder, f"z-nc{nc}.npy"), z.numpy().astype(np.float32))
    np.save(os.path.join(folder, f"images-nc{nc}.npy"), images.numpy().astype(np.float32))
    print(f"nc={nc}: {model} ({os.path.getsize(model)} bytes), images in [{images.min():.3f}, {images.max():.3f}]")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "tests", "Dcgan.Onnx.Tests", "Fixtures", "pytorch-examples")
    os.makedirs(folder, exist_ok=True)
    torch.use_deterministic_algorithms(True)
    print(f"torch {torch.__version__}, onnx {onnx.__version__}, numpy {np.__version__}")
    for nc in (1, 3):
        make(folder, nc)


if __name__ == "__main__":
    main()
