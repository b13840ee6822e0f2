#!/usr/bin/python3
# make_fixtures.py: the PyTorch side of Dcgan's interop tests, run with Debian's python3-torch (1.13) and numpy.
#
#   make     writes the small checked-in fixtures next to this script (the tests never run Python):
#              pytorch64/  pytorch/examples' exact Generator/Discriminator (nc=1, nz=16, ngf=ndf=8, 64x64)
#              pytorch32/  the same layer pattern at 32x32x3 (Dcgan's documented layout for other sizes)
#              paper32/    Dcgan's Paper preset layout (dense projection, 5x5 kernels) at 32x32x1
#            each with netG.pth, netD.pth (torch.save(state_dict)), z.npy (float32 [4, nz, 1, 1]),
#            g.npy (eval-mode G(z), float32 [4, nc, s, s]) and d.npy (eval-mode D(G(z)) logits/probabilities).
#   verify   loads state dicts that Dcgan exported (netG.pth, netD.pth) with strict=True into the same classes and
#            compares every tensor with the reference files bit for bit.
#   acceptance  writes a 64x64x3, ngf=64 pytorch/examples netG.pth (+ netD.pth), z.npy and G(z) to a folder, or
#            compares Dcgan's sample output (.npy) with G(z).
#
# The classes below are pytorch/examples' dcgan/main.py Generator and Discriminator, verbatim except that the module
# globals (nc, nz, ngf, ndf, ngpu) are set by configure().
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn as nn

nc = nz = ngf = ndf = None
ngpu = 1


def configure(channels, latent, gwidth, dwidth):
    global nc, nz, ngf, ndf
    nc, nz, ngf, ndf = channels, latent, gwidth, dwidth


# ---- pytorch/examples dcgan/main.py (exact) ---------------------------------------------------------------------
def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        torch.nn.init.normal_(m.weight, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        torch.nn.init.normal_(m.weight, 1.0, 0.02)
        torch.nn.init.zeros_(m.bias)


class Generator(nn.Module):
    def __init__(self, ngpu):
        super(Generator, self).__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            # input is Z, going into a convolution
            nn.ConvTranspose2d(     nz, ngf * 8, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 8),
            nn.ReLU(True),
            # state size. (ngf*8) x 4 x 4
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            # state size. (ngf*4) x 8 x 8
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            # state size. (ngf*2) x 16 x 16
            nn.ConvTranspose2d(ngf * 2,     ngf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            # state size. (ngf) x 32 x 32
            nn.ConvTranspose2d(    ngf,      nc, 4, 2, 1, bias=False),
            nn.Tanh()
            # state size. (nc) x 64 x 64
        )

    def forward(self, input):
        if input.is_cuda and self.ngpu > 1:
            output = nn.parallel.data_parallel(self.main, input, range(self.ngpu))
        else:
            output = self.main(input)
        return output


class Discriminator(nn.Module):
    def __init__(self, ngpu):
        super(Discriminator, self).__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            # input is (nc) x 64 x 64
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            # state size. (ndf) x 32 x 32
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            # state size. (ndf*2) x 16 x 16
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 4),
            nn.LeakyReLU(0.2, inplace=True),
            # state size. (ndf*4) x 8 x 8
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 8),
            nn.LeakyReLU(0.2, inplace=True),
            # state size. (ndf*8) x 4 x 4
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False),
            nn.Sigmoid()
        )

    def forward(self, input):
        if input.is_cuda and self.ngpu > 1:
            output = nn.parallel.data_parallel(self.main, input, range(self.ngpu))
        else:
            output = self.main(input)

        return output.view(-1, 1).squeeze(1)
# ---- end of pytorch/examples -------------------------------------------------------------------------------------


# Dcgan's layout for any size s = b * 2^k (README "Interop with PyTorch"): the same Sequential pattern, with a b x b
# first/last kernel and k - 1 inner blocks. At 64x64 it builds exactly the classes above. `paper` gives the Paper
# preset: Linear + Unflatten projection, 5x5 kernels (padding 2, output_padding 1), Flatten + Linear output.
def decompose(size):
    b, k = size, 0
    while b > 7 and b % 2 == 0:
        b, k = b // 2, k + 1
    assert 4 <= b <= 7 and k >= 1, f"{size} is not b * 2^k"
    return b, k


class LayoutGenerator(nn.Module):
    def __init__(self, size, paper):
        super().__init__()
        b, k = decompose(size)
        w = [ngf * 2 ** (k - 1 - i) for i in range(k)]
        kernel, pad, out_pad = (5, 2, 1) if paper else (4, 1, 0)
        layers = [nn.Linear(nz, b * b * w[0], bias=False), nn.Unflatten(1, (w[0], b, b))] if paper \
            else [nn.ConvTranspose2d(nz, w[0], b, 1, 0, bias=False)]
        layers += [nn.BatchNorm2d(w[0]), nn.ReLU(True)]
        for i in range(1, k):
            layers += [nn.ConvTranspose2d(w[i - 1], w[i], kernel, 2, pad, output_padding=out_pad, bias=False),
                       nn.BatchNorm2d(w[i]), nn.ReLU(True)]
        layers += [nn.ConvTranspose2d(w[k - 1], nc, kernel, 2, pad, output_padding=out_pad, bias=False), nn.Tanh()]
        self.paper = paper
        self.main = nn.Sequential(*layers)

    def forward(self, z):
        return self.main(z.view(z.shape[0], -1) if self.paper else z)


class LayoutDiscriminator(nn.Module):
    def __init__(self, size, paper):
        super().__init__()
        b, k = decompose(size)
        d = [ndf * 2 ** i for i in range(k)]
        kernel, pad = (5, 2) if paper else (4, 1)
        layers = []
        for i in range(k):
            layers.append(nn.Conv2d(nc if i == 0 else d[i - 1], d[i], kernel, 2, pad, bias=False))
            if i > 0:
                layers.append(nn.BatchNorm2d(d[i]))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
        layers += [nn.Flatten(), nn.Linear(b * b * d[-1], 1, bias=False)] if paper \
            else [nn.Conv2d(d[-1], 1, b, 1, 0, bias=False)]
        self.main = nn.Sequential(*layers)  # logits: Dcgan's discriminator has no sigmoid

    def forward(self, x):
        return self.main(x).view(-1)


# After pytorch/examples' weights_init: ten times its spread (and random batch-norm shifts), as a trained network's
# weights have, so that the outputs use tanh's range and every weight and bias visibly matters in the comparison.
def spread(m):
    with torch.no_grad():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            m.weight.mul_(10)
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.normal_(1.0, 0.2)
            m.bias.normal_(0.0, 0.2)


def build(kind, size):
    if kind == "pytorch" and size == 64:
        return Generator(ngpu), Discriminator(ngpu)
    return LayoutGenerator(size, kind == "paper"), LayoutDiscriminator(size, kind == "paper")


def make_one(folder, kind, size, channels, latent, width, seed, count=4):
    configure(channels, latent, width, width)
    torch.manual_seed(seed)
    netG, netD = build(kind, size)
    netG.apply(weights_init)
    netD.apply(weights_init)
    netG.apply(spread)
    netD.apply(spread)
    # 30 training-mode passes so that the batch-norm running statistics (and num_batches_tracked) are not the defaults
    # but close to the real activation statistics: eval-mode outputs then depend on every buffer the files carry and
    # span tanh's range instead of staying near 0.
    with torch.no_grad():
        for _ in range(30):
            fake = netG(torch.randn(8, nz, 1, 1))
            netD(fake)
        netG.eval()
        netD.eval()
        z = torch.randn(count, nz, 1, 1)
        g = netG(z)
        d = netD(g)
    os.makedirs(folder, exist_ok=True)
    torch.save(netG.state_dict(), os.path.join(folder, "netG.pth"))
    torch.save(netD.state_dict(), os.path.join(folder, "netD.pth"))
    np.save(os.path.join(folder, "z.npy"), z.numpy().astype(np.float32))
    np.save(os.path.join(folder, "g.npy"), g.numpy().astype(np.float32))
    np.save(os.path.join(folder, "d.npy"), d.numpy().astype(np.float32))
    print(f"{folder}: {kind} {size}x{size}x{channels} nz={nz} ngf=ndf={width}: "
          f"{len(netG.state_dict())} G keys, {len(netD.state_dict())} D keys, G(z) sum {g.sum().item():.6f}")


def same_tensors(path, reference, model):
    ours = torch.load(path)
    theirs = torch.load(reference)
    model.load_state_dict(ours, strict=True)  # raises on a missing or unexpected key, or a shape mismatch
    differing = [k for k in theirs if ours[k].dtype != theirs[k].dtype or ours[k].shape != theirs[k].shape
                 or not torch.equal(ours[k], theirs[k])]
    order = list(ours.keys()) == list(model.state_dict().keys())
    print(f"{path}: strict load OK, {len(ours)} keys, key order as the class: {order}, "
          f"tensors differing from {reference}: {differing if differing else 'none'}")
    return not differing


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("make")
    v = sub.add_parser("verify")
    v.add_argument("--kind", choices=["pytorch", "paper"], default="pytorch")
    v.add_argument("--size", type=int, default=64)
    v.add_argument("--channels", type=int, default=1)
    v.add_argument("--latent", type=int, default=16)
    v.add_argument("--width", type=int, default=8)
    v.add_argument("--exported", required=True, help="folder with Dcgan's netG.pth and netD.pth")
    v.add_argument("--reference", required=True, help="folder with the original netG.pth and netD.pth")
    a = sub.add_parser("acceptance")
    a.add_argument("--folder", required=True)
    a.add_argument("--compare", help="Dcgan's sample output (.npy) to compare with G(z)")
    args = parser.parse_args()

    if args.command == "make":
        make_one(os.path.join(here, "pytorch64"), "pytorch", 64, 1, 16, 8, seed=1)
        make_one(os.path.join(here, "pytorch32"), "pytorch", 32, 3, 16, 8, seed=2)
        make_one(os.path.join(here, "paper32"), "paper", 32, 1, 16, 8, seed=3)
    elif args.command == "verify":
        configure(args.channels, args.latent, args.width, args.width)
        netG, netD = build(args.kind, args.size)
        ok = same_tensors(os.path.join(args.exported, "netG.pth"), os.path.join(args.reference, "netG.pth"), netG)
        ok &= same_tensors(os.path.join(args.exported, "netD.pth"), os.path.join(args.reference, "netD.pth"), netD)
        sys.exit(0 if ok else 1)
    elif args.compare:
        ours = np.load(args.compare)
        theirs = np.load(os.path.join(args.folder, "g.npy"))
        print(f"Dcgan {ours.shape} {ours.dtype} vs PyTorch {theirs.shape} {theirs.dtype}: "
              f"max abs difference {np.abs(ours - theirs).max():.3g}")
        sys.exit(0 if ours.shape == theirs.shape and np.abs(ours - theirs).max() <= 1e-4 else 1)
    else:
        make_one(args.folder, "pytorch", 64, 3, 100, 64, seed=4, count=16)


if __name__ == "__main__":
    main()
