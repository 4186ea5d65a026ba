"""The pictures of ``exactsvd.plot`` (the ``plot`` extra: matplotlib)."""

import importlib
import os
import subprocess
import sys

import pytest
from sympy import Matrix, sqrt

import exactsvd


def require(module):
    """Import an optional *module*: skip the test when it is missing, unless ``CI`` is set (CI installs the extras)."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"{module} is an optional extra; CI installs it")


@pytest.fixture(scope="module")
def plot():
    require("matplotlib")
    import matplotlib.pyplot as plt

    import exactsvd.plot

    yield exactsvd.plot
    plt.close("all")


@pytest.fixture(scope="module")
def np():
    return require("numpy")


def test_singular_values_log_scale_and_energy(plot, np):
    fig = plot.singular_values(exactsvd.svd([[3, 0], [4, 5]]))
    values, energy = fig.axes
    assert values.get_yscale() == "log"
    assert np.allclose(values.lines[0].get_ydata(), [3 * 5**0.5, 5**0.5])
    assert np.allclose(energy.lines[0].get_ydata(), [90, 100])  # 45 of 50, then all


def test_singular_values_leave_zeros_out_of_the_log_scale(plot, np):
    fig = plot.singular_values([2, 1, 0, 0])
    assert np.allclose(fig.axes[0].lines[0].get_xdata(), [1, 2])
    assert "2 zero values not shown" in fig.axes[0].get_title()
    fig = plot.singular_values([2, 1, 0, 0], log=False, energy=False)
    assert len(fig.axes) == 1 and fig.axes[0].get_yscale() == "linear"
    assert np.allclose(fig.axes[0].lines[0].get_ydata(), [2, 1, 0, 0])


def test_singular_values_take_any_numbers(plot, np):
    import mpmath

    for values in ([sqrt(2), 1], (mpmath.sqrt(2), mpmath.mpf(1)), np.array([2**0.5, 1.0])):
        assert np.allclose(plot.singular_values(values).axes[0].lines[0].get_ydata(), [2**0.5, 1])


def test_singular_values_into_given_axes(plot):
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2)
    assert plot.singular_values([3, 1], ax=right, energy=False) is fig
    assert len(right.lines) == 1 and not left.lines


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF")])
def test_every_plot_saves_png_and_pdf(plot, tmp_path, suffix, magic):
    figures = {
        "values": lambda path: plot.singular_values([3, 2, 1], save=path),
        "matrix": lambda path: plot.matrix_plot([[1, 2], [3, 4]], save=path),
        "grid": lambda path: plot.reconstruction_grid([[1, 2], [3, 4]], [1], save=path),
    }
    for name, make in figures.items():
        path = tmp_path / (name + suffix)
        assert make(path) is not None
        assert path.read_bytes()[:4] == magic


def test_matrix_plot_draws_the_entries(plot, np):
    fig = plot.matrix_plot(Matrix([[1, sqrt(2)], [0, -1]]), title="A")
    assert np.allclose(fig.axes[0].images[0].get_array(), [[1, 2**0.5], [0, -1]])
    assert fig.axes[0].get_title() == "A" and len(fig.axes) == 2  # with its colour bar
    fig = plot.matrix_plot(exactsvd.svd([[1, 2], [3, 4]]), colorbar=False, cmap="RdBu_r", vmin=-4, vmax=4)
    image = fig.axes[0].images[0]
    assert len(fig.axes) == 1 and image.get_clim() == (-4, 4) and image.get_cmap().name == "RdBu_r"
    assert np.allclose(image.get_array(), [[1, 2], [3, 4]])


def test_reconstruction_grid(plot, np):
    from exactsvd.applications import float_svd, reconstruct

    picture = np.add.outer(np.arange(12.0), np.arange(10.0)) % 5
    fig = plot.reconstruction_grid(picture, [1, 2, 4])
    assert len(fig.axes) == 4
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[0] == "original 12x10" and titles[1].startswith("k = 1: 5.2:1, error ")  # 120 / (12 + 10 + 1)
    u, s, vt = float_svd(picture)
    assert np.allclose(fig.axes[0].images[0].get_array(), picture)
    for ax, k in zip(fig.axes[1:], [1, 2, 4]):
        assert np.allclose(ax.images[0].get_array(), reconstruct(u, s, vt, k))


def test_reconstruction_grid_wraps_and_takes_colour_pictures(plot, np):
    colour = np.random.default_rng(0).integers(0, 256, size=(8, 6, 3), dtype=np.uint8)
    fig = plot.reconstruction_grid(colour, [1, 2, 3], ncols=2)
    assert len(fig.axes) == 4 and fig.axes[0].images[0].get_array().shape == (8, 6)
    assert fig.axes[0].images[0].get_array().max() <= 1


def test_exact_results_and_sympy_matrices_are_accepted(plot, np):
    fig = plot.reconstruction_grid(exactsvd.svd([[3, 0], [4, 5]]), [1])
    assert np.allclose(fig.axes[1].images[0].get_array(), [[1.5, 1.5], [4.5, 4.5]])


def test_headless_backend_is_agg(plot):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MPLBACKEND")}
    code = "import exactsvd.plot, matplotlib; exactsvd.plot.singular_values([2, 1]); print(matplotlib.get_backend())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().lower() == "agg"
