"""The calculations behind the pages, as they run inside a worker process.

Each task takes plain values (the visitor's text, numbers, bytes) and the
server's limits, reads the text through the input layer, calls the library and
returns plain values: data for the JSON API, MathML fragments for the pages,
or a file.  :func:`run` is what a worker calls: it turns every outcome into a
tuple that crosses the process boundary (``("ok", value)``,
``("error", kind, message)`` or ``("crash", traceback)``), so that the server
shows messages and never tracebacks.

Tasks are plain functions and can be called directly (tests do); the server
runs them in worker processes under a time limit and a memory cap
(:mod:`exactsvd.web.pool`).
"""

import base64
import hashlib
import io
import json
import random
import traceback
import warnings
from collections import OrderedDict
from decimal import Decimal

import exactsvd

from ..output import to_dict, to_json, verified_line
from ..errors import ExactSVDError, InvalidArgumentError, shorten
from ..solutions import solution_fragment
from ..solutions.build import GRAMS
from ..solutions.pdf import ToolMissingError, compile_pdf
from ..exercises import DIFFICULTIES, exercise_sheet
from ..input import as_exact_matrix
from ..result import FORMS
from . import render
from .errors import RequestTooLarge, UnsupportedUpload, WebError, kind_of
from .inputs import checked_answer, checked_matrix, checked_text

#: Every task by name: what a worker may be asked to run.
TASKS = {}

#: Shapes of exercises the sheet page offers; ``"mixed"`` draws from all of them, as ``exactsvd generate`` does.
SHAPES = {"2x2": (2, 2), "2x3": (2, 3), "3x2": (3, 2), "3x3": (3, 3)}

#: Pictures are scaled down to at most this many pixels on their longer side before their SVD.
MAX_SIDE = 512

#: Float SVDs of pictures kept per worker, so that moving the k slider does not repeat the decomposition.
CACHED_PICTURES = 4

#: Formats of the downloads: (media type, file name suffix).
MEDIA = {
    "json": ("application/json", "json"),
    "latex": ("application/x-tex; charset=utf-8", "tex"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
    "pdf": ("application/pdf", "pdf"),
    "html": ("text/html; charset=utf-8", "html"),
}


def task(function):
    """Register *function* in :data:`TASKS` under its name."""
    TASKS[function.__name__] = function
    return function


def run(name, arguments):
    """Run the task *name* with *arguments*; the outcome as a tuple of plain values.

    Returns
    -------
    tuple
        ``("ok", value)``; ``("error", kind, message)`` for a refusal (a
        :class:`~exactsvd.web.errors.WebError` kind: ``bad_input`` for every
        other error of exactsvd, ``time_limit``, ``memory_limit``,
        ``unavailable``); ``("crash", traceback)`` for anything unexpected.

    Examples
    --------
    >>> run("svd", {"matrix": "[[3, 4]]", "limits": {"max_text": 100, "max_entries": 10}})[1]["singular_values"]
    ['5']
    >>> run("svd", {"matrix": "[[3, x]]", "limits": {"max_text": 100, "max_entries": 10}})[:2]
    ('error', 'bad_input')
    """
    try:
        return ("ok", TASKS[name](**arguments))
    except ToolMissingError as error:
        return ("error", "unavailable", str(error))
    except ExactSVDError as error:
        return ("error", kind_of(error), str(error))
    except MemoryError:
        return ("error", "memory_limit", "the calculation needs more memory than this server allows; "
                "try a smaller matrix or fewer distinct radicals")
    except RecursionError:
        return ("error", "bad_input", "the input is nested too deeply to read; write it with fewer brackets")
    except Exception:  # a defect: the traceback goes to the server's log, the visitor gets a message
        return ("crash", traceback.format_exc())


@task
def warm():
    """A small SVD page and worked solution, so that a process has done everything once (returns ``None``).

    >>> warm() is None
    True
    """
    limits = {"max_text": 100, "max_entries": 16}
    svd("[[1, 2, 1, 0], [2, 0, 1, 1]]", limits)
    explain("[[3, 4]]", limits)


def read_matrix(text, limits, name="matrix"):
    """The exact matrix in the visitor's *text*, within the server's *limits*.

    Examples
    --------
    >>> read_matrix("1 2; 3 4", {"max_text": 100, "max_entries": 4}).shape
    (2, 2)
    >>> read_matrix("1 2 3; 4 5 6", {"max_text": 100, "max_entries": 4})
    Traceback (most recent call last):
    ...
    exactsvd.web.errors.RequestTooLarge: matrix: 2×3 has 6 entries; this server takes at most 4. Use a smaller matrix, or exactsvd on your own computer.
    """
    matrix = as_exact_matrix(checked_matrix(text, name, limits), name=name)
    if matrix.rows * matrix.cols > limits["max_entries"]:
        raise RequestTooLarge(
            f"{name}: {matrix.rows}×{matrix.cols} has {matrix.rows * matrix.cols} entries; this server takes at "
            f"most {limits['max_entries']}. Use a smaller matrix, or exactsvd on your own computer."
        )
    return matrix


def _choice(value, choices, name):
    if value not in choices:
        raise InvalidArgumentError(f"{name}={shorten(value)} is not one of {', '.join(map(str, choices))}")
    return value


def _gram(gram):
    return None if gram in (None, "", "auto") else _choice(gram, GRAMS, "gram")


# ---------------------------------------------------------------- the SVD page


@task
def svd(matrix, limits, form="full"):
    """The exact SVD of the visitor's matrix: the CLI's JSON fields, the proof line, decimals and MathML.

    Examples
    --------
    >>> data = svd("[[1,2,1,0],[2,0,1,1]]", {"max_text": 100, "max_entries": 16})
    >>> data["singular_values"], data["decimals"][1], data["proof"] is not None
    (['3', 'sqrt(3)'], '1.73205080756888', True)
    >>> data["mathml"]["singular_values"][1]
    '<math><msqrt><mn>3</mn></msqrt></math>'
    """
    A = read_matrix(matrix, limits)
    result = _exact_svd(A, _choice(form, FORMS, "form"))
    verified = result.verify()
    U, S, V = result
    data = to_dict(result, verified=verified)
    data["proof"] = verified_line(result) if verified else None
    data["decimals"] = [str(s) for s in result.evalf(15).singular_values]  # certified, from the exact data
    data["mathml"] = {
        "A": render.named_matrix("A", A),
        "singular_values": [render.math(s) for s in result.singular_values],
        "U": render.named_matrix("U", U),
        "S": render.named_matrix(r"\Sigma", S),
        "V": render.named_matrix("V", V),
    }
    return data


def _exact_svd(A, form):
    return exactsvd.svd(A, form=form)


@task
def svd_file(matrix, limits, form="full"):
    """The SVD as the JSON record ``exactsvd svd --json`` prints (docs/json-schema.md: entries that read back).

    >>> svd_file("[[3, 4]]", {"max_text": 100, "max_entries": 4})["content"][:40]
    b'{"format": "exactsvd.svd", "version": 1,'
    """
    result = _exact_svd(read_matrix(matrix, limits), _choice(form, FORMS, "form"))
    return _file("svd", "json", to_json(result, verified=result.verify()))


def _file(stem, fmt, content):
    media, suffix = MEDIA[fmt]
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    return {"filename": f"{stem}.{suffix}", "media_type": media, "content": data}


@task
def explain(matrix, limits, gram=None, rank_one=False):
    """The worked solution as an HTML fragment (MathML), with the singular values as strings.

    >>> data = explain("[[3, 4]]", {"max_text": 100, "max_entries": 4})
    >>> data["singular_values"], data["html"].count("<section>") > 5
    (['5'], True)
    """
    solution = exactsvd.explain(read_matrix(matrix, limits), gram=_gram(gram), rank_one=bool(rank_one))
    return {"singular_values": [str(s) for s in solution.singular_values], "rank": solution.rank,
            "html": solution_fragment(solution)}


@task
def solution_file(matrix, limits, fmt, gram=None, rank_one=False):
    """The worked solution as a file: ``latex``, ``markdown``, ``html`` (one self-contained page) or ``pdf``.

    The PDF is compiled by ``pdflatex`` without shell escape.

    >>> solution_file("[[3, 4]]", {"max_text": 100, "max_entries": 4}, "markdown")["filename"]
    'solution.md'
    """
    _choice(fmt, ("latex", "markdown", "html", "pdf"), "format")
    solution = exactsvd.explain(read_matrix(matrix, limits), gram=_gram(gram), rank_one=bool(rank_one))
    if fmt == "markdown":
        return _file("solution", fmt, solution.to_markdown())
    if fmt == "html":
        return _file("solution", fmt, solution.to_html())
    source = solution.to_latex(standalone=True)
    return _file("solution", fmt, compile_pdf(source) if fmt == "pdf" else source)


# ---------------------------------------------------------------- checking an answer


@task
def check(matrix, limits, U=None, S=None, V=None, answer=None, tol=None):
    """The checker's verdict on an answer: three text boxes (*U*, *S*, *V*) or an *answer* JSON file (bytes).

    Examples
    --------
    >>> limits = {"max_text": 100, "max_entries": 16, "max_upload": 1000}
    >>> report = check("[[3, 0], [0, 2]]", limits, U="1 0; 0 1", S="2 0; 0 3", V="1 0; 0 1")
    >>> report["ok"], report["problems"][0][:44]
    (False, 'the singular values are listed in ascending ')
    """
    A = read_matrix(matrix, limits)
    if answer is not None:
        U, S, V = _answer_file(answer, limits)
    else:
        U, S, V = (checked_answer(box, name, limits) for box, name in ((U, "U"), (S, "S"), (V, "V")))
    if tol not in (None, ""):
        tol = checked_text(tol, "tol", 40)
    report = exactsvd.check(A, U, S, V, tol=tol or None)
    return {
        "ok": report.ok,
        "form": report.form,
        "problems": list(report.problems),
        "report": str(report),
        "mathml": {"A": render.named_matrix("A", A)},
    }


def _answer_file(content, limits):
    """``U, S, V`` from an uploaded JSON answer (as ``exactsvd check --answer`` reads it)."""
    if len(content) > limits["max_upload"]:
        raise RequestTooLarge(f"answer: the file has {len(content)} bytes; this server takes at most "
                              f"{limits['max_upload']}.")
    try:
        answer = json.loads(content.decode("utf-8-sig"), parse_float=Decimal, parse_constant=Decimal)
    except ValueError as error:  # also UnicodeDecodeError
        raise UnsupportedUpload(f"answer: the file is not UTF-8 JSON ({error}); upload a .json file such as "
                                '{"U": [[1, 0], [0, 1]], "S": [3, 1], "V": [[1, 0], [0, 1]]}.') from error
    if not isinstance(answer, dict) or not {"U", "S", "V"} <= answer.keys():
        raise WebError(f'answer: the file must hold a JSON object with "U", "S" and "V", got {shorten(answer)}.')
    return answer["U"], answer["S"], answer["V"]


# ---------------------------------------------------------------- exercise sheets


def _exercise_results(count, shape, difficulty, seed, limits):
    """The SVDs of the exercises, drawn as ``exactsvd generate --seed SEED`` draws them."""
    count = _integer(count, "count", 1, limits["max_exercises"])
    seed = _integer(seed, "seed", 0, 2**63)
    shapes = list(SHAPES.values()) if shape in (None, "", "mixed") else [SHAPES[_choice(shape, SHAPES, "shape")]]
    _choice(difficulty, DIFFICULTIES, "difficulty")
    rng = random.Random(seed)
    matrices = [exactsvd.generate(*rng.choice(shapes), seed=rng.randrange(2**32), difficulty=difficulty) for _ in range(count)]
    return [_exact_svd(A, "full") for A in matrices]


def _integer(value, name, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"{name}={shorten(value)} is not a whole number") from None
    if not low <= number <= high:
        raise InvalidArgumentError(f"{name}={number} must be between {low} and {high}")
    return number


@task
def exercises(limits, count=5, shape="mixed", difficulty="easy", seed=1):
    """An exercise set: each matrix with its singular values and U, S, V (strings that read back), and MathML.

    >>> limits = {"max_exercises": 20}
    >>> data = exercises(limits, count=2, shape="2x2", seed=1)
    >>> len(data["exercises"]), data["exercises"][0]["shape"], data == exercises(limits, count=2, shape="2x2", seed=1)
    (2, [2, 2], True)
    """
    results = _exercise_results(count, shape, difficulty, seed, limits)
    listed = []
    for result in results:
        entry = to_dict(result)
        entry["matrix"] = [[str(x) for x in row] for row in result.matrix.tolist()]
        entry["mathml"] = {"A": render.named_matrix("A", result.matrix),
                           "answer": _answer_mathml(result)}
        listed.append(entry)
    return {"seed": int(seed), "difficulty": difficulty, "exercises": listed}


def _answer_mathml(result):
    U, S, V = result
    return "".join(render.named_matrix(name, M) for name, M in
                   (("U", U), (r"\Sigma", S), ("V", V)))


@task
def exercise_file(limits, part="sheet", fmt="pdf", count=5, shape="mixed", difficulty="easy", seed=1, worked=False):
    """The sheet or its key (*part*) as ``pdf``, ``latex`` or ``html``; the key with worked solutions if *worked*.

    >>> exercise_file({"max_exercises": 20}, part="key", fmt="latex", count=1, seed=1)["filename"]
    'key.tex'
    """
    _choice(part, ("sheet", "key"), "part")
    _choice(fmt, ("pdf", "latex", "html"), "format")
    results = _exercise_results(count, shape, difficulty, seed, limits)
    if fmt == "html":
        from .pages import exercise_document

        return _file(part, fmt, exercise_document(_exercise_html(results, part, worked), part))
    solutions = [exactsvd.explain(r.matrix).to_latex() for r in results] if worked and part == "key" else None
    sheet, key = exercise_sheet(results, solutions=solutions)
    source = sheet if part == "sheet" else key
    return _file(part, fmt, compile_pdf(source) if fmt == "pdf" else source)


def _exercise_html(results, part, worked):
    """``[(matrix MathML, answer HTML or None)]`` for the HTML sheet or key."""
    shown = []
    for result in results:
        answer = None
        if part == "key":
            answer = solution_fragment(exactsvd.explain(result.matrix)) if worked else _answer_mathml(result)
        shown.append((render.named_matrix("A", result.matrix), answer))
    return shown


# ---------------------------------------------------------------- compression (the float path)

_pictures = OrderedDict()


@task
def compress(limits, k=10, image=None):
    """The best rank-k approximation of a grey picture (uploaded bytes, or matplotlib's sample photo).

    Float path (NumPy float64, uncertified).  Returns the reconstruction and
    the singular value plot as PNG ``data:`` URLs, the compression ratio and
    the relative error.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("matplotlib")  # the compression page needs matplotlib
    >>> data = compress({"max_upload": 10**7, "max_pixels": 10**7}, k=5)
    >>> data["k"], data["shape"], data["reconstruction"][:22]
    (5, [512, 437], 'data:image/png;base64,')
    """
    from ..applications import floatpath

    u, s, vt = _picture_svd(_sample_photo(), None) if image is None else _picture_svd(image, limits)
    k = _integer(k, "k", 1, len(s))
    approximation = floatpath.reconstruct(u, s, vt, k)
    return {
        "k": k,
        "shape": [u.shape[0], vt.shape[1]],
        "max_k": len(s),
        "compression_ratio": round(floatpath.compression_ratio((u.shape[0], vt.shape[1]), k), 2),
        "relative_error": round(floatpath.eckart_young_error(s, k), 4),
        "reconstruction": _png_url(approximation),
        "plot": _plot_url(s, k),
    }


def _sample_photo():
    try:
        from matplotlib import cbook
    except ImportError as error:
        raise ToolMissingError("the sample photo needs matplotlib (pip install 'exactsvd[web]')") from error
    with cbook.get_sample_data("grace_hopper.jpg") as file:
        return file.read()


def _picture_svd(data, limits):
    """The float SVD of the picture in *data* (PNG or JPEG bytes), cached per worker by content.

    *limits* bound an upload's bytes and pixels; ``None`` for the sample photo, which is ours.
    """
    from ..applications import floatpath

    digest = hashlib.sha256(data).hexdigest()
    if digest not in _pictures:
        _pictures[digest] = floatpath.float_svd(_grey(data, limits))
        while len(_pictures) > CACHED_PICTURES:
            _pictures.popitem(last=False)
    _pictures.move_to_end(digest)
    return _pictures[digest]


def _grey(data, limits):
    """The picture as grey values in [0, 1], at most :data:`MAX_SIDE` pixels on its longer side.

    Pillow's own decompression-bomb check is set to *limits*' pixel count (none for the sample photo).
    """
    import numpy as np
    from PIL import Image

    if limits is not None and len(data) > limits["max_upload"]:
        raise RequestTooLarge(f"image: the file has {len(data)} bytes; this server takes at most "
                              f"{limits['max_upload']}.")
    max_pixels = limits["max_pixels"] if limits is not None else None
    unreadable = UnsupportedUpload("image: not a PNG or JPEG picture that can be read; upload a .png or .jpg file.")
    Image.MAX_IMAGE_PIXELS = max_pixels
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is checked below
        try:
            picture = Image.open(io.BytesIO(data), formats=("PNG", "JPEG"))
        except Image.DecompressionBombError:
            raise _too_many_pixels(max_pixels) from None
        except (OSError, SyntaxError, ValueError):
            raise unreadable from None
    with picture:
        width, height = picture.size
        if max_pixels is not None and width * height > max_pixels:
            raise _too_many_pixels(max_pixels, f"{width}×{height} pixels")
        try:
            picture.draft("L", (MAX_SIDE, MAX_SIDE))
            grey = picture.convert("L")
        except (OSError, SyntaxError, ValueError):
            raise unreadable from None
    grey.thumbnail((MAX_SIDE, MAX_SIDE))
    return np.asarray(grey, dtype=float) / 255


def _too_many_pixels(max_pixels, size="too many pixels"):
    return RequestTooLarge(f"image: {size}; this server takes at most {max_pixels} pixels. Send a smaller picture.")


def _png_url(grey):
    import numpy as np
    from PIL import Image

    pixels = (np.clip(grey, 0, 1) * 255).round().astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, mode="L").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _plot_url(s, k):
    from matplotlib.figure import Figure

    from .. import plot

    figure = Figure(figsize=(6, 3.2), dpi=100)
    axes = figure.add_subplot()
    plot.singular_values(s, ax=axes)
    axes.axvline(k, color="C3", linewidth=1)
    axes.set_title(f"singular values; the first k = {k} are kept")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
