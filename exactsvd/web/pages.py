"""The HTML pages: plain HTML forms, MathML for the mathematics, one style sheet and one small script.

A renderer: each function formats what a task returned (or the error it
raised) into a page and computes nothing.  Text from a visitor only ever
appears escaped (:func:`exactsvd.web.render.text`); the MathML comes from the
tasks, which print parsed numbers.  Every page works without JavaScript; the
script (``static/app.js``) only moves the compression slider without a reload.
"""

import re
from importlib import resources
from urllib.parse import urlencode

from .. import __version__
from ..exercises import DIFFICULTIES
from .errors import kind_of
from .render import text

#: A rational number as the JSON API writes it: shown without its decimal value.
RATIONAL = re.compile(r"-?\d+(/\d+)?")

#: The pages, in the order of the menu: (path, title).
MENU = (("/", "SVD"), ("/explain", "Worked solution"), ("/check", "Check an answer"),
        ("/exercises", "Exercise sheet"), ("/compress", "Compression"))

#: The matrix of the blog this project follows, shown in an empty form.
EXAMPLE = "[[1, 2, 1, 0], [2, 0, 1, 1]]"

NOTATION = ("Rows as <code>[[1, 2], [3, 4]]</code> or <code>1 2; 3 4</code> (or one row per line); entries "
            "such as <code>-3</code>, <code>1/3</code>, <code>0.25</code> (read exactly), <code>sqrt(2)</code>, "
            "<code>2*sqrt(3)/5</code>, <code>2^(1/3)</code>.")


def layout(title, path, body):
    """A whole page: the menu, *body* (trusted HTML) and the footer.

    >>> page = layout("SVD", "/", "<p>hi</p>")
    >>> page.startswith("<!DOCTYPE html>"), 'aria-current="page"' in page
    (True, True)
    """
    menu = "".join(
        f'<a href="{href}"{" aria-current=" + chr(34) + "page" + chr(34) if href == path else ""}>{name}</a>'
        for href, name in MENU
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(title)} · exactsvd</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header><strong>exactsvd</strong><nav>{menu}</nav></header>
<main>
<h1>{text(title)}</h1>
{body}
</main>
<footer>exactsvd {__version__}: exact singular value decompositions, proved with exact arithmetic.
Scripts can use the <a href="/api">JSON API</a> of this server.</footer>
</body>
</html>
"""


def error_block(error):
    """The message of a refused request, for the top of a page (escaped; parser messages keep their caret line).

    >>> from exactsvd.web.errors import ServerBusy
    >>> error_block(ServerBusy("busy <now>"))
    '<pre class="error" role="alert" data-kind="busy">busy &lt;now&gt;</pre>'
    """
    kind = kind_of(error)
    return f'<pre class="error" role="alert" data-kind="{kind}">{text(error)}</pre>'


def _opening(form, error):
    """The first parts of a page: its form, and the message of a refused request if there is one."""
    return [form] if error is None else [form, error_block(error)]


def _select(name, options, chosen, label):
    items = "".join(
        f'<option value="{text(value)}"{" selected" if value == chosen else ""}>{text(shown)}</option>'
        for value, shown in options
    )
    return f'<label>{label} <select name="{name}">{items}</select></label>'


def _matrix_box(name, value, label, rows=4):
    return (f'<label for="{name}">{label}</label>'
            f'<textarea id="{name}" name="{name}" rows="{rows}" spellcheck="false" autocapitalize="off" '
            f'autocomplete="off">{text(value)}</textarea>')


FORM_OPTIONS = (("full", "full (U m×m, V n×n)"), ("thin", "thin (min(m, n) columns)"),
                ("compact", "compact (rank columns)"))
GRAM_OPTIONS = (("auto", "the smaller one"), ("AtA", "AᵀA"), ("AAt", "AAᵀ"))


# ---------------------------------------------------------------- SVD


def svd_page(fields, result=None, error=None, pdf=False):
    """The SVD page: the form, and the result (the task ``svd``'s value) or the error.

    >>> page = svd_page({"matrix": "1 2; 3 <4>", "form": "full", "gram": "auto"})
    >>> "1 2; 3 &lt;4&gt;</textarea>" in page
    True
    """
    form = f"""<form action="/" method="get" class="matrix-form">
{_matrix_box("matrix", fields["matrix"], "Matrix A")}
<p class="hint">{NOTATION}</p>
<div class="options">{_select("form", FORM_OPTIONS, fields["form"], "Form")}
{_select("gram", GRAM_OPTIONS, fields["gram"], "Gram matrix (worked solution)")}</div>
<button type="submit">Decompose</button>
</form>"""
    parts = _opening(form, error)
    if result is not None:
        parts.append(svd_result(fields, result, pdf))
    return layout("Singular value decomposition", "/", "\n".join(parts))


def svd_result(fields, result, pdf):
    """The singular values, U, Σ, V, the proof line and the downloads."""
    m, n = result["shape"]
    math = result["mathml"]
    rows = "".join(
        f'<tr><th scope="row">σ<sub>{i}</sub></th><td class="exact">{exact}</td>'
        f'<td class="decimal">{"" if RATIONAL.fullmatch(value) else "≈ " + text(decimal)}</td></tr>'
        for i, (exact, value, decimal) in enumerate(
            zip(math["singular_values"], result["singular_values"], result["decimals"]), 1)
    )
    query = {"matrix": fields["matrix"], "gram": fields["gram"]}
    links = [("JSON", f"/download/svd.json?{urlencode({'matrix': fields['matrix'], 'form': fields['form']})}"),
             ("LaTeX", f"/download/solution.tex?{urlencode(query)}"),
             ("Markdown", f"/download/solution.md?{urlencode(query)}")]
    if pdf:
        links.append(("PDF", f"/download/solution.pdf?{urlencode(query)}"))
    downloads = " · ".join(f'<a href="{text(href)}" download>{name}</a>' for name, href in links)
    proof = f'<p class="proof" id="proof">{text(result["proof"])}</p>' if result.get("proof") else ""
    return f"""<section id="result" aria-live="polite">
<h2>A is {m}×{n}, rank {result["rank"]}</h2>
<div class="matrix">{math["A"]}</div>
<h2>Singular values</h2>
<table id="singular-values"><tbody>{rows or '<tr><td>none (an empty matrix)</td></tr>'}</tbody></table>
<h2>A = U Σ V<sup>T</sup> ({text(result["form"])} form)</h2>
<div class="matrix" id="U">{math["U"]}</div>
<div class="matrix" id="S">{math["S"]}</div>
<div class="matrix" id="V">{math["V"]}</div>
{proof}
<p class="downloads">Download: {downloads}.
<a href="{text('/explain?' + urlencode(query))}">The worked solution, step by step</a>.</p>
</section>"""


# ---------------------------------------------------------------- check


def check_page(fields, result=None, error=None):
    """The checker page: the matrix, the U, S, V boxes or a JSON file, and the checker's sentences.

    >>> "ok" in check_page({"matrix": "1", "U": "1", "S": "1", "V": "1"}, {"ok": True, "report": "ok", "problems": [],
    ...                    "form": "full", "mathml": {"A": ""}})
    True
    """
    boxes = "".join(f'<div>{_matrix_box(name, fields.get(name, ""), label, rows=3)}</div>'
                    for name, label in (("U", "U"), ("S", "Σ (the matrix S)"), ("V", "V")))
    form = f"""<form action="/check" method="post" enctype="multipart/form-data" class="matrix-form">
{_matrix_box("matrix", fields["matrix"], "Matrix A", rows=3)}
<div class="answer-boxes">{boxes}</div>
<p class="hint">{NOTATION} Σ is written as a matrix. Or upload the answer as a JSON file
<code>{{"U": rows, "S": rows or a list of values, "V": rows}}</code>, as <code>exactsvd check --answer</code> reads it:
<input type="file" name="answer" accept=".json,application/json"></p>
<button type="submit">Check</button>
</form>"""
    parts = _opening(form, error)
    if result is not None:
        verdict = "valid" if result["ok"] else "wrong"
        sentences = "".join(f"<li>{text(p)}</li>" for p in result["problems"])
        lines = text(result["report"]).split("\n", 1)[0]
        parts.append(f"""<section id="result" class="verdict {verdict}" aria-live="polite">
<div class="matrix">{result["mathml"]["A"]}</div>
<p id="verdict"><strong>{"✓" if result["ok"] else "✗"} {lines}</strong></p>
{f'<ul id="problems">{sentences}</ul>' if sentences else ''}
</section>""")
    return layout("Check an answer", "/check", "\n".join(parts))


# ---------------------------------------------------------------- worked solution


def explain_page(fields, result=None, error=None, pdf=False):
    """The worked solution page: the form and the steps (HTML with MathML)."""
    form = f"""<form action="/explain" method="get" class="matrix-form">
{_matrix_box("matrix", fields["matrix"], "Matrix A")}
<p class="hint">{NOTATION}</p>
<div class="options">{_select("gram", GRAM_OPTIONS, fields["gram"], "Gram matrix")}
<label><input type="checkbox" name="rank_one" value="1"{" checked" if fields["rank_one"] else ""}>
the expansion A = s₁u₁v₁ᵀ + …</label></div>
<button type="submit">Solve step by step</button>
</form>"""
    parts = _opening(form, error)
    if result is not None:
        query = {"matrix": fields["matrix"], "gram": fields["gram"], **({"rank_one": "1"} if fields["rank_one"] else {})}
        links = [("HTML page", "solution.html"), ("LaTeX", "solution.tex"), ("Markdown", "solution.md")]
        if pdf:
            links.append(("PDF", "solution.pdf"))
        downloads = " · ".join(f'<a href="{text(f"/download/{name}?" + urlencode(query))}" download>{label}</a>'
                               for label, name in links)
        parts.append(f'<section id="result" class="solution">{result["html"]}'
                     f'<p class="downloads">Download: {downloads}.</p></section>')
    return layout("Worked solution", "/explain", "\n".join(parts))


# ---------------------------------------------------------------- exercise sheets


def exercises_page(fields, shapes, difficulties, result=None, error=None, pdf=False):
    """The exercise sheet page: count, shape, difficulty, seed; the sheet, and links to it and its key."""
    form = f"""<form action="/exercises" method="get" class="matrix-form">
<div class="options">
<label>Exercises <input type="number" name="count" min="1" max="20" value="{text(fields["count"])}"></label>
{_select("shape", [("mixed", "mixed")] + [(s, s.replace("x", "×")) for s in shapes], fields["shape"], "Size")}
{_select("difficulty", [(d, d) for d in difficulties], fields["difficulty"], "Difficulty")}
<label>Seed <input type="number" name="seed" min="0" value="{text(fields["seed"])}"></label>
</div>
<p class="hint">The same seed gives the same sheet (and <code>exactsvd generate --seed</code> the same matrices).</p>
<button type="submit">Make the sheet</button>
</form>"""
    parts = _opening(form, error)
    if result is not None:
        query = {name: fields[name] for name in ("count", "shape", "difficulty", "seed")}
        links = []
        for part, label in (("sheet", "Sheet"), ("key", "Key")):
            formats = [("HTML", "html")] + ([("PDF", "pdf")] if pdf else []) + [("LaTeX", "tex")]
            links.append(f"{label}: " + " · ".join(
                f'<a href="{text(f"/download/{part}.{suffix}?" + urlencode(query))}" download>{name}</a>'
                for name, suffix in formats))
        worked = urlencode({**query, "worked": "1"})
        links.append(f'Key with worked solutions: <a href="{text("/download/key.html?" + worked)}" download>HTML</a>'
                     + (f' · <a href="{text("/download/key.pdf?" + worked)}" download>PDF</a>' if pdf else ""))
        items = "".join(f'<li><div class="matrix">{e["mathml"]["A"]}</div></li>' for e in result["exercises"])
        parts.append(f"""<section id="result">
<p class="downloads">{"<br>".join(links)}</p>
<p>Find a singular value decomposition A = U Σ V<sup>T</sup> of each matrix A.</p>
<ol class="exercises">{items}</ol>
</section>""")
    return layout("Exercise sheet", "/exercises", "\n".join(parts))


def exercise_document(shown, part):
    """A self-contained HTML sheet or key (the style sheet inlined) from ``[(matrix MathML, answer MathML)]``.

    >>> exercise_document([("<math></math>", None)], "sheet").count("<li>")
    1
    """
    title = "Singular value decomposition" + (": answers" if part == "key" else "")
    items = "".join(f'<li><div class="matrix">{matrix}</div>'
                    + (f'<div class="answer">{answer}</div>' if answer else "") + "</li>" for matrix, answer in shown)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{static_text("style.css")}</style></head>
<body><main><h1>{title}</h1>
<p>Find a singular value decomposition A = U Σ V<sup>T</sup> of each matrix A.</p>
<ol class="exercises">{items}</ol></main></body>
</html>
"""


def static_text(name):
    """The text of the file *name* shipped in ``exactsvd/web/static``.

    >>> "body" in static_text("style.css")
    True
    """
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- compression


def compress_page(fields, result=None, error=None, picture=None):
    """The compression page: upload or the sample photo, the k slider, the reconstruction and the plot."""
    form = f"""<form action="/compress" method="post" enctype="multipart/form-data" class="matrix-form">
<p><label>A grey picture (PNG or JPEG) <input type="file" name="image" accept="image/png,image/jpeg"></label>
— or leave it empty for matplotlib's sample photo (Grace Hopper).</p>
<div class="options"><label>k <input type="number" name="k" min="1" value="{text(fields["k"])}"></label></div>
<p class="hint">The float path: NumPy's float64 SVD (LAPACK), not exact and not certified; pictures are scaled
to at most 512 pixels a side.</p>
<button type="submit">Compress</button>
</form>"""
    parts = _opening(form, error)
    if result is not None:
        parts.append(f"""<section id="result" class="compression" data-picture="{text(picture)}">
<label for="k-slider">k = <output id="k-value">{result["k"]}</output> of {result["max_k"]}</label>
<input type="range" id="k-slider" min="1" max="{result["max_k"]}" value="{result["k"]}">
<p id="numbers">compression <span id="ratio">{result["compression_ratio"]}</span> : 1,
relative error <span id="error">{round(100 * result["relative_error"], 2)}</span> %
(picture {result["shape"][0]}×{result["shape"][1]})</p>
<div class="pictures">
<img id="reconstruction" alt="the best rank-k approximation of the picture" src="{result["reconstruction"]}">
<img id="plot" alt="the singular values and their cumulative energy" src="{result["plot"]}">
</div>
</section>""")
    return layout("Compression", "/compress", "\n".join(parts))


# ---------------------------------------------------------------- the API index


def api_index():
    """What ``GET /api`` answers: the endpoints and their fields (docs/web.md has the details).

    >>> sorted(api_index()["endpoints"])[:2]
    ['GET /download/key.{html,pdf,tex}', 'GET /download/sheet.{html,pdf,tex}']
    """
    return {
        "version": __version__,
        "endpoints": {
            "POST /api/svd": {"matrix": "text", "form": "full|thin|compact", "mathml": "bool"},
            "POST /api/explain": {"matrix": "text", "gram": "auto|AtA|AAt", "rank_one": "bool"},
            "POST /api/check": {"matrix": "text", "U": "text", "S": "text", "V": "text", "tol": "text (optional)"},
            "POST /api/exercises": {"count": "1..20", "shape": "mixed|2x2|2x3|3x2|3x3",
                                    "difficulty": "|".join(DIFFICULTIES), "seed": "int"},
            "POST /api/compress": {"image": "picture id or 'sample'", "k": "int"},
            "GET /download/svd.json": {"matrix": "text", "form": "full|thin|compact"},
            "GET /download/solution.{tex,md,pdf,html}": {"matrix": "text", "gram": "auto|AtA|AAt", "rank_one": "1"},
            "GET /download/sheet.{html,pdf,tex}": {"count": "int", "shape": "...", "difficulty": "...", "seed": "int"},
            "GET /download/key.{html,pdf,tex}": {"...": "as the sheet", "worked": "1 for worked solutions"},
            "GET /healthz": {},
        },
        "errors": '{"error": {"kind": "bad_input|too_large|unsupported_type|not_found|busy|time_limit|'
                  'memory_limit|unavailable|internal", "message": "..."}}',
    }
