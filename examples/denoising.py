"""Denoising with the SVD: small singular values often represent noise.

A low-rank picture C (a plus sign on a soft wave, rank 3) is blurred with
Gaussian noise of standard deviation sigma: A = C + noise.  The noise spreads
over all the singular values, the picture lives in the first few, so
truncating A to its large singular values removes most of the noise.

Which values are "large"?  The singular values of an m x n matrix of pure
noise are at most about sigma (sqrt(m) + sqrt(n)); the values of A above
that line are kept (k of them), the rest are dropped.  The example prints
the relative error ||. - C||_F / ||C||_F of the noisy and of the denoised
picture, and of every truncation A_1 .. A_(2k) to show that k is the best.

Writes into --out: denoising.png (clean, noisy, denoised) and
singular_values.png (the values of A with the noise line).  Float path
(NumPy float64, uncertified).  Needs the plot extra::

    pip install "exactsvd[plot]"
    python examples/denoising.py --out denoising --size 200 --noise 0.25
"""

import argparse
import sys
from pathlib import Path

try:
    import exactsvd
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import exactsvd

import matplotlib.pyplot as plt
import numpy as np

import exactsvd.plot
from exactsvd.applications import float_svd, reconstruct, relative_error


def low_rank_picture(size):
    """A size x size picture of rank 3: a plus sign (values 0 and 1) on a soft wave."""
    x = np.linspace(0, 1, size)
    bar = (np.abs(x - 0.5) < 0.12).astype(float)
    return np.maximum.outer(bar, bar) + 0.5 * np.outer(np.sin(np.pi * x), np.sin(2 * np.pi * x))


def main(argv=None):
    """Add noise, truncate, compare; write the pictures; return the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="denoising", help="directory for the PNG files (created)")
    parser.add_argument("--size", type=int, default=200, help="side of the square picture in pixels")
    parser.add_argument("--noise", type=float, default=0.25, help="standard deviation sigma of the noise")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random noise")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    clean = low_rank_picture(args.size)
    noisy = clean + args.noise * np.random.default_rng(args.seed).standard_normal(clean.shape)
    u, s, vt = float_svd(noisy)
    line = args.noise * (np.sqrt(noisy.shape[0]) + np.sqrt(noisy.shape[1]))
    k = int(np.sum(s > line))
    denoised = reconstruct(u, s, vt, k)
    before, after = relative_error(clean, noisy), relative_error(clean, denoised)
    errors = {j: relative_error(clean, reconstruct(u, s, vt, j)) for j in range(1, 2 * k + 1)}

    rank = int(np.linalg.matrix_rank(clean))
    print(f"clean picture: {args.size}x{args.size}, rank {rank}; noise sigma = {args.noise}")
    print(f"largest singular values of the noisy picture: {', '.join(f'{x:.2f}' for x in s[: k + 3])}")
    print(f"noise line sigma (sqrt(m) + sqrt(n)) = {line:.2f}: keep k = {k} values")
    print(f"relative error before: {before:.1%}   after truncation to rank {k}: {after:.1%}")
    print("error of every truncation: " + ", ".join(f"k={j}: {e:.1%}" for j, e in errors.items()))

    fig, axes = plt.subplots(1, 3, figsize=(10, 3.6))
    panels = [(clean, "clean"), (noisy, f"noisy ({before:.0%})"), (denoised, f"rank {k} ({after:.0%})")]
    for ax, (picture, title) in zip(axes, panels):
        exactsvd.plot.matrix_plot(picture, cmap="gray", colorbar=False, title=title, ax=ax)
        ax.set_axis_off()
    fig.savefig(out / "denoising.png", bbox_inches="tight")
    plt.close(fig)
    fig = exactsvd.plot.singular_values(s, energy=False)
    fig.axes[0].axhline(line, color="C3", linestyle=":", label="noise line")
    fig.axes[0].legend()
    fig.savefig(out / "singular_values.png", bbox_inches="tight")
    plt.close(fig)
    print(f"written to {out}/: denoising.png, singular_values.png")
    return dict(rank=rank, k=k, before=before, after=after, errors=errors, noise_line=line, singular_values=s)


if __name__ == "__main__":
    main()
