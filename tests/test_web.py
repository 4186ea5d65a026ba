"""The web application through Starlette's test client: every page, endpoint, download and refusal.

Needs the ``web`` extra (Starlette, uvicorn, python-multipart, httpx); the
tests are skipped without it, except in CI (the ``CI`` variable set), where
a missing extra is a failure.  The calculations run in real worker processes
(:mod:`exactsvd.web.pool`), as they do when serving.
"""

import io
import json
import shutil
import threading
import time

import pytest
import sympy
from sympy import sqrt
from test_plots import require

import exactsvd
from exactsvd.input import as_exact_matrix

require("starlette")
require("multipart")
require("httpx")

from starlette.testclient import TestClient  # noqa: E402

from exactsvd.web.app import create_app  # noqa: E402
from exactsvd.web.config import ServerConfig  # noqa: E402
from exactsvd.web.errors import MemoryLimitExceeded, TimeLimitExceeded, WebError  # noqa: E402
from exactsvd.web.pool import NO_FILES, WorkerPool  # noqa: E402

BLOG = "[[1,2,1,0],[2,0,1,1]]"
#: Six distinct square roots (a field of degree 64, within the cost model's limit): minutes on the exact path.
SLOW = "[[sqrt(2), sqrt(3), sqrt(5)], [sqrt(7), 1, 2], [3, sqrt(11), sqrt(13)]]"
PDFLATEX = shutil.which("pdflatex") is not None


@pytest.fixture(scope="module")
def client():
    app = create_app(ServerConfig(workers=2, queue=4, timeout=60, max_entries=36, max_text=400, max_upload=200_000,
                                  max_pixels=400 * 400))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def strict():
    """One worker, no waiting room, a 2-second limit: for the time limit and "busy"."""
    with TestClient(create_app(ServerConfig(workers=1, queue=0, timeout=2)), raise_server_exceptions=False) as client:
        yield client


def refused(response, status, kind):
    """The message of a refusal, after checking its status, kind and that it is not a traceback."""
    assert response.status_code == status, response.text[:500]
    assert "Traceback" not in response.text and 'File "' not in response.text
    error = response.json()["error"]
    assert error["kind"] == kind, error
    return error["message"]


def exact(rows):
    return as_exact_matrix(rows)


# ---------------------------------------------------------------- the SVD page and API


def test_svd_api_returns_the_library_answer_exactly(client):
    data = client.post("/api/svd", json={"matrix": BLOG}).json()
    r = exactsvd.svd(exact(BLOG))
    assert [sympy.sympify(s) for s in data["singular_values"]] == [3, sqrt(3)]
    U, S, V = (exact(data[name]) for name in "USV")
    assert (U, S, V) == tuple(r)
    assert U * S * V.T == exact(BLOG)
    assert data["verified"] is True and data["proof"].startswith("verified:")
    assert "mathml" not in data


@pytest.mark.parametrize("form, shape_of_V", [("full", (4, 4)), ("thin", (4, 2)), ("compact", (4, 2))])
def test_svd_api_forms(client, form, shape_of_V):
    data = client.post("/api/svd", json={"matrix": BLOG, "form": form, "mathml": True}).json()
    assert exact(data["V"]).shape == shape_of_V and data["form"] == form
    assert data["mathml"]["singular_values"][1] == "<math><msqrt><mn>3</mn></msqrt></math>"


def test_svd_api_takes_a_list_of_rows_with_exact_decimals(client):
    data = client.post("/api/svd", content=b'{"matrix": [[0.6, 0.8]]}',
                       headers={"content-type": "application/json"}).json()
    assert data["singular_values"] == ["1"] and data["V"][0] == ["3/5", "4/5"]


def test_svd_page_shows_values_factors_proof_and_downloads(client):
    page = client.get("/", params={"matrix": BLOG, "form": "full", "gram": "AtA"}).text
    assert page.count("<math") >= 6  # A, two singular values, U, Sigma, V
    assert "<msqrt><mn>3</mn></msqrt>" in page and "≈ 1.73205080756888" in page
    assert "verified: U^T U = I, V^T V = I, U S V^T = A" in page
    for link in ("/download/svd.json?", "/download/solution.tex?", "/download/solution.md?", "/explain?"):
        assert link in page
    assert ("/download/solution.pdf?" in page) == PDFLATEX
    assert 'id="result"' in page and 'href="/static/style.css"' in page and "http" not in page.split("<footer>")[0]


def test_the_empty_form_offers_the_blog_matrix(client):
    page = client.get("/").text
    assert "[[1, 2, 1, 0], [2, 0, 1, 1]]</textarea>" in page and 'id="result"' not in page


def test_visitor_text_is_escaped(client):
    page = client.get("/", params={"matrix": "[[1, <script>alert(1)</script>]]"})
    assert page.status_code == 400
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(1)" in page.text


def test_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_static_files_are_served(client):
    assert "body" in client.get("/static/style.css").text
    assert "addEventListener" in client.get("/static/app.js").text


# ---------------------------------------------------------------- worked solution


def test_explain_page_and_api(client):
    solution = exactsvd.explain(exact("[[3,0],[4,5]]"))
    page = client.get("/explain", params={"matrix": "[[3,0],[4,5]]", "gram": "auto"}).text
    assert page.count("<section><h2>Step ") == len(solution.steps)
    assert "merror" not in page
    data = client.post("/api/explain", json={"matrix": "[[3,0],[4,5]]", "rank_one": True}).json()
    assert data["singular_values"] == ["3*sqrt(5)", "sqrt(5)"]
    assert data["html"].count("<section>") == len(exactsvd.explain(exact("[[3,0],[4,5]]"), rank_one=True).steps)


def test_explain_gram_choice(client):
    data = client.post("/api/explain", json={"matrix": BLOG, "gram": "AtA"}).json()
    assert "4×4" in data["html"] or "A^{T} A" in data["html"] or "<msup><mi>A</mi><mi>T</mi></msup><mi>A</mi>" in \
        data["html"]
    assert refused(client.post("/api/explain", json={"matrix": BLOG, "gram": "BtB"}), 400, "bad_input").startswith(
        "gram=")


# ---------------------------------------------------------------- checking an answer


def test_check_wrong_answer_gets_the_checkers_sentences(client):
    answer = {"matrix": "[[3,0],[0,2]]", "U": "1 0; 0 1", "S": "2 0; 0 3", "V": "1 0; 0 1"}
    data = client.post("/api/check", json=answer).json()
    assert data["ok"] is False and any("ascending" in p for p in data["problems"])
    page = client.post("/check", data=answer).text
    assert "not a valid SVD of A" in page and "ascending order" in page


def test_check_right_answer_from_the_library_and_values_list(client):
    U, S, V = (m.tolist() for m in exactsvd.svd(exact(BLOG)))
    strings = {name: [[str(x) for x in row] for row in M] for name, M in zip("USV", (U, S, V))}
    data = client.post("/api/check", json={"matrix": BLOG, **strings}).json()
    assert data["ok"] is True and data["problems"] == []
    values = client.post("/api/check", json={"matrix": BLOG, "U": strings["U"], "S": ["3", "sqrt(3)"],
                                             "V": strings["V"]}).json()
    assert values["ok"] is True


def test_check_page_with_an_uploaded_json_answer(client):
    answer = json.dumps({"U": [[1, 0], [0, 1]], "S": [3, 2], "V": [[1, 0], [0, 1]]}).encode()
    page = client.post("/check", data={"matrix": "[[3,0],[0,2]]"}, files={"answer": ("key.json", answer)}).text
    assert "✓ a valid SVD of A" in page
    broken = client.post("/check", data={"matrix": "[[3,0],[0,2]]"}, files={"answer": ("key.json", b"{not json")})
    assert broken.status_code == 415 and "not UTF-8 JSON" in broken.text


# ---------------------------------------------------------------- exercise sheets


def test_exercises_api_is_deterministic_and_every_answer_is_exact(client):
    request = {"count": 3, "shape": "2x3", "difficulty": "easy", "seed": 7}
    first = client.post("/api/exercises", json=request).json()
    assert first == client.post("/api/exercises", json=request).json()
    assert len(first["exercises"]) == 3
    for exercise in first["exercises"]:
        A = exact(exercise["matrix"])
        U, S, V = (exact(exercise[name]) for name in "USV")
        assert A.shape == (2, 3) and U * S * V.T == A and U.T * U == sympy.eye(2) and V.T * V == sympy.eye(3)


def test_exercises_page_and_limits(client):
    page = client.get("/exercises", params={"count": 2, "shape": "mixed", "difficulty": "medium", "seed": 3}).text
    assert page.count('<li><div class="matrix">') == 2 and "/download/key.html?" in page
    assert refused(client.post("/api/exercises", json={"count": 500}), 400, "bad_input").startswith("count=500")


# ---------------------------------------------------------------- downloads


@pytest.mark.parametrize("name, media, start", [
    ("svd.json", "application/json", b'{"format": "exactsvd.svd", "version": 1'),
    ("solution.tex", "application/x-tex", b"\\documentclass"),
    ("solution.md", "text/markdown", b"# "),
    ("solution.html", "text/html", b"<!DOCTYPE html>"),
    ("sheet.tex", "application/x-tex", b"\\documentclass"),
    ("sheet.html", "text/html", b"<!DOCTYPE html>"),
    ("key.html", "text/html", b"<!DOCTYPE html>"),
])
def test_downloads(client, name, media, start):
    response = client.get(f"/download/{name}", params={"matrix": BLOG, "seed": 2, "count": 2})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media) and response.content.startswith(start)
    assert name.split(".")[0] in response.headers["content-disposition"]


def test_key_with_worked_solutions(client):
    key = client.get("/download/key.html", params={"seed": 2, "count": 2, "worked": 1}).text
    assert key.count('class="exactsvd-solution"') == 2


@pytest.mark.skipif(not PDFLATEX, reason="pdflatex is not installed")
@pytest.mark.parametrize("name", ["solution.pdf", "sheet.pdf", "key.pdf"])
def test_pdf_downloads(client, name):
    response = client.get(f"/download/{name}", params={"matrix": BLOG, "seed": 2, "count": 2})
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_unknown_download(client):
    refused(client.get("/download/passwd", params={"matrix": BLOG}), 404, "not_found")


# ---------------------------------------------------------------- compression


def png(width, height):
    Image = require("PIL.Image")
    buffer = io.BytesIO()
    Image.new("L", (width, height), 128).save(buffer, format="PNG")
    return buffer.getvalue()


def test_compression_sample_photo_and_slider_api(client):
    require("matplotlib")
    page = client.get("/compress", params={"k": 5}).text
    assert 'id="k-slider"' in page and 'src="data:image/png;base64,' in page
    errors = [client.post("/api/compress", json={"image": "sample", "k": k}).json()["relative_error"] for k in (1, 10, 50)]
    assert errors[0] > errors[1] > errors[2] > 0


def test_compression_upload(client):
    require("matplotlib")
    gradient = png(40, 30)
    page = client.post("/compress", data={"k": "1"}, files={"image": ("grey.png", gradient, "image/png")})
    assert page.status_code == 200 and "(picture 30×40)" in page.text
    picture = page.text.split('data-picture="')[1].split('"')[0]
    data = client.post("/api/compress", json={"image": picture, "k": 1}).json()
    assert data["relative_error"] == 0.0 and data["shape"] == [30, 40]  # a constant picture has rank 1
    refused(client.post("/api/compress", json={"image": "0" * 32, "k": 1}), 404, "not_found")


def test_compression_refuses_other_files_and_large_pictures(client):
    require("matplotlib")
    text = client.post("/compress", files={"image": ("notes.txt", b"hello", "text/plain")})
    assert text.status_code == 415 and "not a PNG or JPEG" in text.text
    big = client.post("/compress", files={"image": ("big.png", png(500, 400), "image/png")})
    assert big.status_code == 413 and "pixels" in big.text


# ---------------------------------------------------------------- refusals


def test_bad_matrix_is_a_message_naming_the_entry(client):
    message = refused(client.post("/api/svd", json={"matrix": "[[1, x]]"}), 400, "bad_input")
    assert "row 1, column 2" in message and "free symbol x" in message
    page = client.get("/", params={"matrix": "[[1, 2], [3]]"})
    assert page.status_code == 400 and 'class="error"' in page.text and "row 2 has 1 entry" in page.text


@pytest.mark.parametrize("text", ["@/etc/passwd", " @secret.json", "-", "@-"])
def test_file_notation_is_refused_before_the_input_layer(client, text):
    message = refused(client.post("/api/svd", json={"matrix": text}), 400, "bad_input")
    assert "not files" in message and "root:" not in message
    assert "root:" not in client.get("/", params={"matrix": text}).text


def test_too_large(client):
    assert "at most 36" in refused(client.post("/api/svd", json={"matrix": [[1] * 7] * 6}), 413, "too_large")
    assert "7×6 has 42 entries" in refused(client.post("/api/svd", json={"matrix": "; ".join(["1 2 3 4 5 6"] * 7)}),
                                           413, "too_large")
    assert "characters" in refused(client.post("/api/svd", json={"matrix": "1 " * 300}), 413, "too_large")
    body = json.dumps({"matrix": "1" + " " * 70_000})
    assert "larger than this server takes" in refused(
        client.post("/api/svd", content=body, headers={"content-type": "application/json"}), 413, "too_large")


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"[" * 100_00, b'{"matrix": 5}'])
def test_bad_request_bodies(client, body):
    refused(client.post("/api/svd", content=body, headers={"content-type": "application/json"}), 400, "bad_input")


def test_the_cost_model_refuses_a_field_too_large_at_once(client):
    ten_roots = "[[" + ", ".join(f"sqrt({p})" for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29)) + "]]"
    message = refused(client.post("/api/svd", json={"matrix": ten_roots}), 413, "too_large")
    assert "degree" in message and "method='numeric'" in message


def test_hostile_entries_are_messages(client):
    for text in ["[[2^(10^7)]]", "[[" + "(" * 5000 + "1" + ")" * 5000 + "]]", "[[__import__('os')]]", "[[1e999999]]"]:
        response = client.post("/api/svd", json={"matrix": text})
        assert response.status_code in (400, 413) and "Traceback" not in response.text


def test_unknown_page(client):
    assert client.get("/nowhere").status_code == 404
    refused(client.get("/api/nowhere"), 404, "not_found")


def test_time_limit_stops_the_worker_and_the_next_request_is_served(strict):
    message = refused(strict.post("/api/svd", json={"matrix": SLOW}), 400, "time_limit")
    assert "limit of 2 s" in message
    assert strict.post("/api/svd", json={"matrix": "[[3, 4]]"}).json()["singular_values"] == ["5"]


def test_busy_when_every_worker_is_taken_and_the_queue_is_full(strict):
    assert strict.post("/api/svd", json={"matrix": "[[3, 4]]"}).status_code == 200
    slow = threading.Thread(target=strict.post, args=("/api/svd",), kwargs={"json": {"matrix": SLOW}})
    slow.start()
    try:
        for _ in range(200):  # until the slow request holds the only worker
            if strict.get("/healthz").json()["pool"]["running"]:
                break
            time.sleep(0.01)
        response = strict.post("/api/svd", json={"matrix": "[[6, 8]]"})
        assert "try again" in refused(response, 503, "busy") and response.headers["retry-after"] == "5"
        page = strict.get("/", params={"matrix": "[[6, 8]]"})
        assert page.status_code == 503 and "busy" in page.text
        # an answer given before is given again without a worker
        assert strict.post("/api/svd", json={"matrix": "[[3, 4]]"}).json()["singular_values"] == ["5"]
    finally:
        slow.join()
    assert strict.post("/api/svd", json={"matrix": "[[6, 8]]"}).json()["singular_values"] == ["10"]


def test_memory_cap_and_time_limit_in_the_pool_each_followed_by_a_fresh_worker():
    with WorkerPool(workers=1, queue=0, timeout=5, memory_mb=512, tasks="web_hog") as pool:
        with pytest.raises(MemoryLimitExceeded, match="more memory"):
            pool.call("hog", mib=2048)
        assert pool.call("hog", mib=1) == 2**20
        assert pool.call("environment", name=NO_FILES[0]) == NO_FILES[1]  # the library's @FILE switch is off
        with pytest.raises(TimeLimitExceeded, match="limit of 5 s"):
            pool.call("svd", matrix=SLOW, limits={"max_text": 400, "max_entries": 36})
        assert pool.call("hog", mib=1) == 2**20
        assert pool.status() == {"workers": 1, "running": 0, "long": 0, "waiting": 0, "queue": 0, "timeout": 5}


def test_one_worker_stays_free_for_quick_requests_while_slow_ones_run():
    limits = {"max_text": 400, "max_entries": 36}
    with WorkerPool(workers=2, queue=2, timeout=30) as pool:
        assert pool.long_workers == 1
        outcomes = []

        def slow():
            try:
                pool.call("svd", matrix=SLOW, limits=limits)
            except WebError as error:  # busy, or stopped when the pool closes
                outcomes.append(type(error).__name__)

        first = threading.Thread(target=slow)
        first.start()
        while not pool.status()["long"]:
            time.sleep(0.05)
        slow()  # a second long calculation may not take the last worker
        assert outcomes == ["ServerBusy"]  # while the first one still runs
        assert pool.call("svd", matrix="[[3, 4]]", limits=limits)["singular_values"] == ["5"]
        pool.close()  # stops the first slow calculation
        first.join()


def test_health_and_api_index(client):
    assert client.get("/healthz").json()["pool"]["workers"] == 2
    assert "POST /api/svd" in client.get("/api").json()["endpoints"]


def test_server_config_is_validated():
    with pytest.raises(exactsvd.InvalidArgumentError, match="port=70000"):
        ServerConfig(port=70000)
    with pytest.raises(exactsvd.InvalidArgumentError, match="timeout="):
        ServerConfig(timeout="soon")
