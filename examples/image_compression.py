"""Image compression with the SVD: keep only the largest k singular values.

A grey picture A (m x n) is rebuilt from its k largest singular values and
their singular vectors, A_k = s_1 u_1 v_1^T + ... + s_k u_k v_k^T.  Storing
u_1..u_k, v_1..v_k and s_1..s_k takes k (m + n + 1) numbers instead of m n,
and by Eckart-Young no rank-k picture is closer to A: the relative error
||A - A_k||_F / ||A||_F is sqrt(s_(k+1)^2 + ...) / sqrt(s_1^2 + ...).

The picture is Grace Hopper's portrait that ships with matplotlib (nothing is
downloaded), or any image file you pass; it is made grey, cut to its central
square and resampled to --size pixels (512 by default).  The SVD is the float
path (NumPy's float64 SVD, uncertified), which takes a fraction of a second.

Writes into --out: original.png, rank_001.png, rank_005.png, ... (the
picture at each k), compression_grid.png (all of them side by side) and
singular_values.png (the values on a log scale with their cumulative energy).
Prints k, the compression ratio and the relative error for each k.

Needs the plot extra::

    pip install "exactsvd[plot]"
    python examples/image_compression.py --out compression
    python examples/image_compression.py --image my_photo.jpg --ks 2 10 40
"""

import argparse
import sys
import time
from pathlib import Path

try:
    import exactsvd
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import exactsvd

import matplotlib.pyplot as plt
import numpy as np

import exactsvd.plot
from exactsvd.applications import (
    compression_ratio,
    eckart_young_error,
    float_svd,
    grey_picture,
    reconstruct,
    relative_error,
)

KS = (1, 5, 20, 50)


def main(argv=None):
    """Compress the picture at each k, write the files, print the table; return the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--image", help="an image file (PNG, JPEG, ...); default: matplotlib's sample photo")
    parser.add_argument("--out", default="compression", help="directory for the PNG files (created)")
    parser.add_argument("--size", type=int, default=512, help="side of the square grey picture in pixels")
    parser.add_argument("--ks", type=int, nargs="+", default=KS, help="the ranks to keep")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    image = grey_picture(args.image, args.size)
    start = time.perf_counter()
    u, s, vt = float_svd(image)
    seconds = time.perf_counter() - start
    print(f"picture: {image.shape[0]}x{image.shape[1]} grey, SVD in {seconds:.3f} s (float64, uncertified)")
    plt.imsave(out / "original.png", image, cmap="gray", vmin=0, vmax=1)

    rows = []
    print(f"{'k':>4} {'ratio':>8} {'error':>8} {'Eckart-Young':>13}  file")
    for k in args.ks:
        approx = reconstruct(u, s, vt, k)
        name = f"rank_{k:03d}.png"
        plt.imsave(out / name, np.clip(approx, 0, 1), cmap="gray", vmin=0, vmax=1)
        row = {
            "k": k,
            "ratio": compression_ratio(image.shape, k),
            "error": relative_error(image, approx),
            "eckart_young": eckart_young_error(s, k),
            "file": name,
        }
        rows.append(row)
        print(f"{k:>4} {row['ratio']:>7.1f}:1 {row['error']:>7.2%} {row['eckart_young']:>12.2%}  {name}")

    plt.close(exactsvd.plot.reconstruction_grid(image, args.ks, save=out / "compression_grid.png"))
    plt.close(exactsvd.plot.singular_values(s, save=out / "singular_values.png"))
    print(f"written to {out}/: original.png, the rank_*.png pictures, compression_grid.png, singular_values.png")
    return {"shape": image.shape, "seconds": seconds, "singular_values": s, "rows": rows}


if __name__ == "__main__":
    main()
