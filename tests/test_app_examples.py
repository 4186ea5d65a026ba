"""The application examples in ``examples/`` run (small sizes), write their files and keep their promises.

Each script is run once as a program (ASCII output, no error) and its
``main`` is called in-process to check the numbers it returns.  They need
the ``examples`` extra; :func:`test_plots.require` skips them when an extra
is missing, except in CI.
"""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sympy import Rational, sqrt
from test_plots import require

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PNG = b"\x89PNG"

# script, small arguments, the extras it needs, the files it writes
RUNS = {
    "image_compression.py": (
        ["--size", "64"],
        ["matplotlib"],
        ["original.png", "rank_001.png", "rank_050.png", "compression_grid.png", "singular_values.png"],
    ),
    "denoising.py": (["--size", "60"], ["matplotlib"], ["denoising.png", "singular_values.png"]),
    "feature_extraction.py": (
        ["--samples", "600", "--ks", "2", "10", "40"],
        ["matplotlib", "sklearn"],
        ["eigendigits.png", "singular_values.png", "accuracy.png"],
    ),
    "recommender_pagerank.py": ([], [], ["results.json"]),
}


def example(name):
    """The module ``examples/NAME``, imported (its extras required first)."""
    for module in RUNS[name][1]:
        require(module)
    spec = importlib.util.spec_from_file_location(name[:-3], EXAMPLES / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_files(folder, names):
    return all((folder / name).read_bytes()[:4] == PNG for name in names if name.endswith(".png"))


@pytest.mark.parametrize("name", list(RUNS))
def test_example_runs_as_a_program(name, tmp_path):
    arguments, extras, files = RUNS[name]
    for module in extras:
        require(module)
    env = dict(os.environ, PYTHONIOENCODING="ascii", MPLBACKEND="Agg")
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), "--out", str(tmp_path), *arguments],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert all((tmp_path / f).is_file() for f in files) and png_files(tmp_path, files)
    assert f"written to {tmp_path}" in done.stdout


def test_image_compression_512(tmp_path):
    """The full-size portrait: the error falls as k grows and equals the Eckart-Young value.

    How fast it is (the 5 s target) is measured by ``bench/image_compression.py``, not asserted here.
    """
    run = example("image_compression.py").main(["--out", str(tmp_path)])
    assert run["shape"] == (512, 512) and run["seconds"] > 0
    rows = run["rows"]
    assert [row["k"] for row in rows] == [1, 5, 20, 50]
    errors = [row["error"] for row in rows]
    assert all(a > b for a, b in zip(errors, errors[1:])) and errors[-1] < 0.15
    assert all(abs(row["error"] - row["eckart_young"]) < 1e-9 for row in rows)
    assert all(row["ratio"] == 512 * 512 / (row["k"] * 1025) for row in rows)
    assert png_files(tmp_path, [row["file"] for row in rows] + ["compression_grid.png"])


def test_image_compression_of_a_given_file(tmp_path):
    module = example("image_compression.py")
    np = require("numpy")
    import matplotlib.pyplot as plt

    picture = np.outer(np.linspace(0, 1, 30), np.linspace(1, 0, 40))  # rank 1, 30 x 40
    plt.imsave(tmp_path / "mine.png", picture, cmap="gray")
    run = module.main(["--image", str(tmp_path / "mine.png"), "--size", "24", "--ks", "1", "2", "--out", str(tmp_path)])
    assert run["shape"] == (24, 24)
    assert run["rows"][0]["error"] < 0.05  # a grey gradient is (nearly) rank one


def test_denoising_recovers_the_low_rank_picture(tmp_path):
    run = example("denoising.py").main(["--size", "60", "--out", str(tmp_path)])
    assert run["k"] == run["rank"] == 3
    assert run["after"] < run["before"] / 2
    assert min(run["errors"], key=run["errors"].get) == run["k"]  # truncating at the noise line is best
    assert run["singular_values"][2] > run["noise_line"] > run["singular_values"][3]


def test_feature_extraction_accuracy(tmp_path):
    run = example("feature_extraction.py").main(["--samples", "600", "--ks", "2", "10", "40", "--out", str(tmp_path)])
    accuracy = run["accuracy"]
    assert accuracy[2] < accuracy[10] and accuracy[10] > 0.85
    assert accuracy[40] > run["pixels"] - 0.03
    assert run["train"] + run["test"] == 600


def test_recommender_and_pagerank_are_exact(tmp_path):
    run = example("recommender_pagerank.py").main(["--out", str(tmp_path)])
    recommender = run["recommender"]
    assert recommender["checks"] == {"2-norm": True, "Frobenius": True}
    predictions = recommender["predictions"]
    assert predictions["Cat/Titanic"] == Rational(8, 21) + 5 * sqrt(51) / 21
    assert all(float(predictions[p]) > 1.5 for p in ("Ann/Matrix", "Cat/Titanic", "Eve/Alien"))  # their genre
    assert float(predictions["Bob/Notebook"]) < 0.5  # the other genre
    damped, undamped = run["pagerank"]
    assert list(undamped["x"]) == [Rational(12, 31), Rational(4, 31), Rational(9, 31), Rational(6, 31)]
    for story in (damped, undamped):
        assert story["fixed_point"] and sum(story["x"]) == 1 and all(x.is_Rational for x in story["x"])
        assert all(abs(float(x) - y) < 1e-9 for x, y in zip(story["x"], story["power_method"]))
    saved = json.loads((tmp_path / "results.json").read_text())
    assert saved["pagerank"][1]["x"] == [["12/31"], ["4/31"], ["9/31"], ["6/31"]]
    assert saved["recommender"]["predictions"]["Cat/Titanic"] == "8/21 + 5*sqrt(51)/21"


def test_notebook_runs_headless(tmp_path, monkeypatch):
    """Validated by nbformat and executed by nbclient in another folder: no errors, its prints, the sliders' renders.

    The kernel starts in an empty temporary folder, so the notebook needs only an installed exactsvd (with the
    examples extra), nothing beside it.
    """
    nbformat = require("nbformat")
    for module in ("nbclient", "ipykernel", "ipywidgets", "matplotlib"):
        require(module)
    from nbclient import NotebookClient

    notebook = nbformat.read(EXAMPLES / "interactive_truncation.ipynb", as_version=4)
    nbformat.validate(notebook)
    source = notebook.cells[1].source
    assert "SIZE = 256" in source
    notebook.cells[1].source = source.replace("SIZE = 256", "SIZE = 48")
    monkeypatch.chdir(tmp_path)
    resources = {"metadata": {"path": str(tmp_path)}}  # the kernel's working directory: not examples/
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources=resources).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "48x48 grey picture, 48 singular values" in text
    assert "k = 20: compression" in text and "layer 3: [[0, 0, 0], [0, 1, 0], [0, 0, 0]]" in text
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) == 2
    state = json.dumps(notebook.metadata.get("widgets", {}))
    assert "relative error" in state and "A_1 = " in state  # each slider's function ran once, inside its widget
