#!/usr/bin/python3
# make-fid-fixtures.py: a stand-in for NVIDIA's inception-2015-12-05.pt and the numbers an independent numpy/scipy
# implementation computes from it, for the FID/KID/precision-recall tests of Dcgan.Evaluation (the tests never run
# Python). Run once with Debian's python3-torch (1.13), python3-numpy and python3-scipy:
#
#   /usr/bin/python3 scripts/make-fid-fixtures.py [tests/Dcgan.Evaluation.Tests/Fixtures/fid]
#
# The stand-in has the real file's calling convention as StyleGAN2-ADA (metrics/metric_utils.py) and clean-fid's
# legacy_tensorflow mode use it: forward(img, return_features: bool = False) takes [N, 3, H, W] images of 8-bit levels
# (uint8, or floats holding 0..255), casts them to float32, resizes them inside (bilinear, here to 16x16 rather than
# 299x299), normalises them as (x - 128) / 128, and returns [N, D] pool features (D = 64 here, 2048 in Inception) with
# return_features=True, [N, 10] softmax probabilities otherwise. Files written:
#   standin-extractor.pt   torch.jit.script(...).save: the stand-in (fixed seeded weights)
#   wrong-output.pt        the same signature returning [N] (one number per image): the library must refuse it
#   fid-fixtures.npz       np.savez (uncompressed):
#     real_levels          uint8   [160, 3, 12, 20]  real images as 8-bit levels (what a data set holds), half gray
#     generated_images     float32 [128, 1, 12, 20]  grayscale "generator outputs" around [-1, 1], some outside it
#     generated_levels     uint8   [128, 1, 12, 20]  StyleGAN2-ADA's (x * 127.5 + 128).clamp(0, 255).to(torch.uint8)
#     real_features        float32 [160, 64]         standin(real_levels (uint8 tensor), return_features=True)
#     generated_features   float32 [128, 64]         standin(generated_levels.repeat([1, 3, 1, 1]), return_features=True)
#     fid                  float64 ()                 pytorch-fid/clean-fid's formula: scipy.linalg.sqrtm, np.cov
#     kid_generated_rows   float64 [20, 100]          KID subsets (row indices, exact integers), np.random.default_rng(23)
#     kid_real_rows        float64 [20, 100]
#     kid_values           float64 [20]               StyleGAN2-ADA/clean-fid's per-subset unbiased MMD^2, float64
#     kid_mean, kid_std, kid_se  float64 ()           mean, std (ddof 1) and std / sqrt(20) of kid_values
#     precision, recall    float64 ()                 Kynkaanniemi et al. k = 3 (k-th neighbour excluding the point itself)
#   reference-stats.npz    pytorch-fid's save_fid_stats format: np.savez_compressed(path, mu=mu, sigma=sigma),
#                          mu float64 [64], sigma float64 [64, 64] of real_features (np.mean, np.cov)
import os
import sys

import numpy as np
import scipy.linalg
import torch
import torch.nn as nn
import torch.nn.functional as F

REAL, GENERATED, HEIGHT, WIDTH, DIMENSION = 160, 128, 12, 20, 64
SUBSETS, SUBSET_SIZE, SUBSET_SEED, K = 20, 100, 23, 3


class StandInInception(nn.Module):
    """A small network with inception-2015-12-05.pt's calling convention (see the header)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, DIMENSION, 3, stride=2, padding=1)
        self.output = nn.Linear(DIMENSION, 10)

    def forward(self, img: torch.Tensor, return_features: bool = False) -> torch.Tensor:
        batch_size, channels, height, width = img.shape
        assert channels == 3
        x = img.to(torch.float32)
        if height != 16 or width != 16:
            x = F.interpolate(x, size=[16, 16], mode="bilinear", align_corners=False)
        x = (x - 128) / 128
        x = F.relu(self.conv1(x))                      # [N, 32, 16, 16]
        x = F.relu(self.conv2(x))                      # [N, 64, 8, 8]
        features = x.mean([2, 3])                      # [N, 64]
        if return_features:
            return features
        return F.softmax(self.output(features), dim=1)


class WrongOutput(nn.Module):
    """Same signature, but one number per image instead of a feature vector (for the library's shape check)."""

    def forward(self, img: torch.Tensor, return_features: bool = False) -> torch.Tensor:
        return img.to(torch.float32).mean([1, 2, 3])


def frechet_distance(mu1, sigma1, mu2, sigma2):
    """pytorch-fid's / clean-fid's calculate_frechet_distance (without the eps retry, which is not needed here)."""
    diff = mu1 - mu2
    covmean, _ = scipy.linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    assert np.isfinite(covmean).all()
    covmean = covmean.real
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean)


def kid_subset(x, y):
    """StyleGAN2-ADA's kernel_inception_distance.py loop body for one subset, divided by m: the unbiased MMD^2."""
    n = x.shape[1]
    m = x.shape[0]
    a = (x @ x.T / n + 1) ** 3 + (y @ y.T / n + 1) ** 3
    b = (x @ y.T / n + 1) ** 3
    return ((a.sum() - np.diag(a).sum()) / (m - 1) - b.sum() * 2 / m) / m


def fraction_inside(probes, manifold, k):
    """Share of probes within the k-th neighbour radius (excluding the point itself) of some manifold point."""
    self_distances = np.sqrt(((manifold[:, None, :] - manifold[None, :, :]) ** 2).sum(-1))
    radii = np.sort(self_distances, axis=1)[:, k]
    distances = np.sqrt(((probes[:, None, :] - manifold[None, :, :]) ** 2).sum(-1))
    return float((distances <= radii[None, :]).any(axis=1).mean())


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join("tests", "Dcgan.Evaluation.Tests", "Fixtures", "fid")
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(2015)
    model = torch.jit.script(StandInInception().eval())
    model.save(os.path.join(folder, "standin-extractor.pt"))
    torch.jit.script(WrongOutput()).save(os.path.join(folder, "wrong-output.pt"))

    rng = np.random.default_rng(1205)
    # Real images: blocky patterns plus noise, so that the features vary between images; the first half grayscale
    # (R = G = B), the second half in colour, so that the grayscale "generated" images overlap half of them.
    coarse = rng.integers(0, 256, size=(REAL, 3, 3, 5)).astype(np.float64)
    coarse[: REAL // 2] = coarse[: REAL // 2, :1]
    blocks = np.kron(coarse, np.ones((1, 1, 4, 4)))
    real_levels = np.clip(blocks + rng.normal(0, 20, size=blocks.shape), 0, 255).round().astype(np.uint8)
    # Generated images: grayscale blocks as floats around [-1, 1] (some outside it), plus exact edge values.
    coarse = rng.uniform(-1.1, 1.1, size=(GENERATED, 1, 3, 5))
    generated = np.kron(coarse, np.ones((1, 1, 4, 4))) + rng.normal(0, 0.15, size=(GENERATED, 1, HEIGHT, WIDTH))
    generated = generated.astype(np.float32)
    generated[0, 0, 0, :10] = np.array([-1.5, -1, -0.5, 0, 0.5, 1, 1.5, -1.0039216, 1.0039216, -0.0039215684], np.float32)

    with torch.no_grad():
        generated_levels = (torch.from_numpy(generated) * 127.5 + 128).clamp(0, 255).to(torch.uint8)
        real_features = model(torch.from_numpy(real_levels), return_features=True).numpy()
        generated_features = model(generated_levels.repeat([1, 3, 1, 1]), return_features=True).numpy()
        probabilities = model(torch.from_numpy(real_levels[:2]))
        assert probabilities.shape == (2, 10)

    real64 = real_features.astype(np.float64)
    generated64 = generated_features.astype(np.float64)
    mu_real, sigma_real = np.mean(real64, axis=0), np.cov(real64, rowvar=False)
    mu_generated, sigma_generated = np.mean(generated64, axis=0), np.cov(generated64, rowvar=False)
    fid = frechet_distance(mu_generated, sigma_generated, mu_real, sigma_real)

    subsets = np.random.default_rng(SUBSET_SEED)
    generated_rows = np.stack([subsets.choice(GENERATED, SUBSET_SIZE, replace=False) for _ in range(SUBSETS)])
    real_rows = np.stack([subsets.choice(REAL, SUBSET_SIZE, replace=False) for _ in range(SUBSETS)])
    kid_values = np.array([kid_subset(generated64[g], real64[r]) for g, r in zip(generated_rows, real_rows)])
    kid_values32 = np.array([kid_subset(generated_features[g], real_features[r]) for g, r in zip(generated_rows, real_rows)])
    kid_std = kid_values.std(ddof=1)

    precision = fraction_inside(generated64, real64, K)
    recall = fraction_inside(real64, generated64, K)

    np.savez(os.path.join(folder, "fid-fixtures.npz"),
             real_levels=real_levels, generated_images=generated, generated_levels=generated_levels.numpy(),
             real_features=real_features, generated_features=generated_features, fid=np.float64(fid),
             kid_generated_rows=generated_rows.astype(np.float64), kid_real_rows=real_rows.astype(np.float64),
             kid_values=kid_values, kid_mean=np.float64(kid_values.mean()), kid_std=np.float64(kid_std),
             kid_se=np.float64(kid_std / np.sqrt(SUBSETS)), precision=np.float64(precision), recall=np.float64(recall))
    np.savez_compressed(os.path.join(folder, "reference-stats.npz"), mu=mu_real, sigma=sigma_real)

    print(f"torch {torch.__version__}, numpy {np.__version__}, scipy {scipy.__version__}")
    print(f"FID {fid!r}; KID mean {kid_values.mean()!r} std {kid_std!r} se {kid_std / np.sqrt(SUBSETS)!r}")
    print(f"KID mean in float32 arithmetic (as StyleGAN2-ADA runs it on float32 features): {kid_values32.mean()!r} "
          f"(relative difference {abs(kid_values32.mean() - kid_values.mean()) / abs(kid_values.mean()):.2e})")
    print(f"precision {precision!r} recall {recall!r}")
    for name in sorted(os.listdir(folder)):
        print(f"{name}: {os.path.getsize(os.path.join(folder, name))} bytes")


if __name__ == "__main__":
    main()
