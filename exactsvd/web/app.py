"""The web application (Starlette): pages, the JSON API, downloads; every calculation in a worker.

:func:`create_app` builds the ASGI application that ``exactsvd serve`` runs
with uvicorn.  Handlers only read the request, give the task to the
:class:`~exactsvd.web.pool.WorkerPool` and format what comes back
(:mod:`exactsvd.web.pages` for HTML, JSON for ``/api/...``).  A refusal is
an :class:`~exactsvd.ExactSVDError`: a page shows its message, the API answers
``{"error": {"kind": ..., "message": ...}}`` with the kind's HTTP status
(:mod:`exactsvd.web.errors`); nobody sees a traceback.

:class:`Guard` bounds every request body before the application reads it and
adds the security headers (no scripts, styles or pictures from anywhere but
this server; no framing).
"""

import contextlib
import json
import shutil
from decimal import Decimal

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import ExactSVDError
from ..exercises import DIFFICULTIES
from . import pages
from .cache import ResultCache
from .config import ServerConfig
from .errors import KINDS, NotFound, RequestTooLarge, UnsupportedUpload, WebError, kind_of
from .inputs import checked_answer, checked_matrix
from .pictures import SAMPLE, PictureStore
from .pool import WorkerPool
from .tasks import MEDIA, SHAPES

#: Headers of every response.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

#: Magic numbers of the pictures the compression page takes.
PICTURE_TYPES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def create_app(config=None, pool=None):
    """The ASGI application for *config* (a :class:`~exactsvd.web.config.ServerConfig`).

    Parameters
    ----------
    config : ServerConfig, optional
        Limits and worker counts; the defaults of :class:`ServerConfig`.
    pool : WorkerPool, optional
        The worker pool; by default one made from *config*.  It is started
        and closed with the application (its lifespan).

    Examples
    --------
    >>> app = create_app(ServerConfig(workers=1))
    >>> app.state.config.workers, app.state.pool.workers
    (1, 1)
    """
    config = config or ServerConfig()
    pool = pool or WorkerPool(config.workers, config.queue, config.timeout, config.memory_mb,
                              long_workers=config.long_workers)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pool.start()
        try:
            yield
        finally:
            pool.close()

    routes = [
        Route("/", svd_page),
        Route("/explain", explain_page),
        Route("/check", check_page, methods=["GET", "POST"]),
        Route("/exercises", exercises_page),
        Route("/compress", compress_page, methods=["GET", "POST"]),
        Route("/api", api_index),
        Route("/api/svd", api_svd, methods=["POST"]),
        Route("/api/explain", api_explain, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/exercises", api_exercises, methods=["POST"]),
        Route("/api/compress", api_compress, methods=["POST"]),
        Route("/download/{name}", download),
        Route("/healthz", healthz),
        Mount("/static", StaticFiles(packages=[("exactsvd.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={404: not_found})
    app.state.config, app.state.pool, app.state.pictures = config, pool, PictureStore()
    app.state.answers = ResultCache(max_bytes=config.cache_mb * 2**20)
    app.state.pdf = shutil.which("pdflatex") is not None
    return Guard(app, config)


class Guard:
    """ASGI middleware: request bodies within the limits (HTTP 413 otherwise) and the security headers.

    A body is read to its end (at most ``max_body`` bytes, or ``max_upload +
    max_body`` for ``multipart/form-data``) before the application sees it.
    """

    def __init__(self, app, config):
        self.app, self.config = app, config
        self.state = app.state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def secured(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        headers = dict(scope.get("headers", []))
        multipart = headers.get(b"content-type", b"").startswith(b"multipart/form-data")
        limit = self.config.max_body + (self.config.max_upload if multipart else 0)
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > limit:
            return await _too_large(limit, secured)
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > limit:
                return await _too_large(limit, secured)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, secured)


async def _too_large(limit, send):
    error = RequestTooLarge(f"the request is larger than this server takes ({limit} bytes); send a smaller "
                            "matrix or picture.")
    response = _json_error(error)
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


# ---------------------------------------------------------------- helpers


def _status(error):
    return KINDS[kind_of(error)].status


def _json_error(error):
    kind = kind_of(error)
    headers = {"Retry-After": "5"} if kind == "busy" else None
    return JSONResponse({"error": {"kind": kind, "message": str(error)}}, status_code=_status(error), headers=headers)


async def _compute(request, task, **arguments):
    """The value of *task* run in a worker with the server's limits (or the same answer given before)."""
    state = request.app.state
    arguments["limits"] = state.config.limits
    key = state.answers.key(task, arguments)
    answer = state.answers.get(key)
    if answer is None:
        answer = await state.pool.run(task, **arguments)
        state.answers.put(key, answer)
    return answer


async def _json_body(request):
    try:
        data = json.loads(await request.body(), parse_float=Decimal)
    except (ValueError, RecursionError) as error:  # also UnicodeDecodeError
        raise WebError(f"the request body is not JSON ({error}); send an object such as "
                       '{"matrix": "[[1, 2], [3, 4]]"}.') from None
    if not isinstance(data, dict):
        raise WebError('the request body must be a JSON object such as {"matrix": "[[1, 2], [3, 4]]"}.')
    return data


def _api(handler):
    """A JSON endpoint: *handler*'s dict as JSON, a refusal as ``{"error": ...}`` with its status."""

    async def endpoint(request):
        try:
            return JSONResponse(await handler(request, await _json_body(request)))
        except ExactSVDError as error:
            return _json_error(error)

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint


def _page(render, fields, compute=None):
    """Run *compute* (a coroutine or ``None``), render the page with its value or its error."""

    async def page():
        result = error = None
        if compute is not None:
            try:
                result = await compute
            except ExactSVDError as refused:
                error = refused
        return HTMLResponse(render(fields, result, error), status_code=_status(error) if error else 200)

    return page()


def _flag(value):
    return value in (True, 1, "1", "true", "on", "yes")


def _limits(request):
    return request.app.state.config.limits


def _matrix(request, value, name="matrix"):
    """A cheap first check of *value* in the server's process, before a worker reads it."""
    return checked_matrix(value, name, _limits(request))


# ---------------------------------------------------------------- pages


async def svd_page(request):
    """``GET /?matrix=...&form=...&gram=...``: the SVD page."""
    query = request.query_params
    fields = {"matrix": query.get("matrix", pages.EXAMPLE), "form": query.get("form", "full"),
              "gram": query.get("gram", "auto")}

    async def compute():
        return await _compute(request, "svd", matrix=_matrix(request, fields["matrix"]), form=fields["form"])

    pdf = request.app.state.pdf
    return await _page(lambda f, r, e: pages.svd_page(f, r, e, pdf), fields,
                       compute() if "matrix" in query else None)


async def explain_page(request):
    """``GET /explain?matrix=...&gram=...&rank_one=1``: the worked solution in HTML."""
    query = request.query_params
    fields = {"matrix": query.get("matrix", pages.EXAMPLE), "gram": query.get("gram", "auto"),
              "rank_one": _flag(query.get("rank_one"))}

    async def compute():
        return await _compute(request, "explain", matrix=_matrix(request, fields["matrix"]), gram=fields["gram"],
                              rank_one=fields["rank_one"])

    pdf = request.app.state.pdf
    return await _page(lambda f, r, e: pages.explain_page(f, r, e, pdf), fields,
                       compute() if "matrix" in query else None)


async def check_page(request):
    """``GET /check`` (the form) and ``POST /check`` (multipart: matrix, U, S, V or an answer file)."""
    if request.method == "GET":
        fields = {"matrix": request.query_params.get("matrix", pages.EXAMPLE)}
        return await _page(pages.check_page, fields)
    form = await request.form(max_files=1, max_fields=10, max_part_size=request.app.state.config.max_upload)
    fields = {name: form.get(name, "") for name in ("matrix", "U", "S", "V")}
    fields = {name: value if isinstance(value, str) else "" for name, value in fields.items()}

    async def compute():
        upload = form.get("answer")
        data = await upload.read() if upload is not None and not isinstance(upload, str) else b""
        if data:
            return await _compute(request, "check", matrix=_matrix(request, fields["matrix"]), answer=data)
        boxes = {name: _matrix(request, fields[name], name) for name in ("U", "S", "V")}
        return await _compute(request, "check", matrix=_matrix(request, fields["matrix"]), **boxes)

    return await _page(pages.check_page, fields, compute())


def _exercise_fields(source):
    return {"count": source.get("count", 5), "shape": source.get("shape", "mixed"),
            "difficulty": source.get("difficulty", "easy"), "seed": source.get("seed", 1)}


async def exercises_page(request):
    """``GET /exercises?count=&shape=&difficulty=&seed=``: an exercise sheet with links to it and its key."""
    query = request.query_params
    fields = _exercise_fields(query)
    pdf = request.app.state.pdf

    def render(f, r, e):
        return pages.exercises_page(f, list(SHAPES), DIFFICULTIES, r, e, pdf)

    return await _page(render, fields,
                       _compute(request, "exercises", **fields) if "seed" in query else None)


async def compress_page(request):
    """``GET /compress`` (the sample photo at k = 20) and ``POST /compress`` (multipart: image, k)."""
    state = request.app.state
    picture, fields = SAMPLE, {"k": request.query_params.get("k", 20)}
    data = None
    if request.method == "POST":
        form = await request.form(max_files=1, max_fields=5, max_part_size=state.config.max_upload)
        k = form.get("k", "")
        fields = {"k": k if isinstance(k, str) and k else 20}
        upload = form.get("image")
        data = await upload.read() if upload is not None and not isinstance(upload, str) else b""
    if data:
        try:
            picture = state.pictures.add(_picture(data))
        except WebError as error:
            return HTMLResponse(pages.compress_page(fields, None, error), status_code=error.status)

    def render(f, r, e):
        return pages.compress_page(f, r, e, picture)

    return await _page(render, fields, _compute(request, "compress", k=fields["k"], image=data or None))


def _picture(data):
    """*data* if it starts like a PNG or a JPEG file; :class:`UnsupportedUpload` otherwise."""
    if not any(data.startswith(magic) for magic in PICTURE_TYPES):
        raise UnsupportedUpload("image: the file is not a PNG or JPEG picture; upload a .png or .jpg file.")
    return data


async def not_found(request, exc):
    error = NotFound(f"no such page: {request.url.path}")
    if request.url.path.startswith(("/api", "/download")):
        return _json_error(error)
    return HTMLResponse(pages.layout("Not found", "", pages.error_block(error)), status_code=404)


# ---------------------------------------------------------------- the JSON API


async def api_index(request):
    """``GET /api``: the endpoints and their fields."""
    return JSONResponse(pages.api_index())


async def healthz(request):
    """``GET /healthz``: ``{"ok": true, "pool": {...}}`` -- what the workers are doing."""
    return JSONResponse({"ok": True, "pool": request.app.state.pool.status()})


@_api
async def api_svd(request, body):
    """``POST /api/svd {"matrix", "form", "mathml"}``: the exact SVD (the fields of ``exactsvd svd --json``)."""
    data = await _compute(request, "svd", matrix=_matrix(request, body.get("matrix")), form=body.get("form", "full"))
    if not _flag(body.get("mathml")):
        data.pop("mathml")
    return data


@_api
async def api_explain(request, body):
    """``POST /api/explain {"matrix", "gram", "rank_one"}``: the worked solution as an HTML fragment."""
    return await _compute(request, "explain", matrix=_matrix(request, body.get("matrix")),
                          gram=body.get("gram", "auto"), rank_one=_flag(body.get("rank_one")))


@_api
async def api_check(request, body):
    """``POST /api/check {"matrix", "U", "S", "V", "tol"}``: the checker's verdict and sentences."""
    boxes = {name: checked_answer(body.get(name), name, _limits(request)) for name in ("U", "S", "V")}
    data = await _compute(request, "check", matrix=_matrix(request, body.get("matrix")), tol=body.get("tol"),
                          **boxes)
    data.pop("mathml")
    return data


@_api
async def api_exercises(request, body):
    """``POST /api/exercises {"count", "shape", "difficulty", "seed"}``: matrices with their SVDs."""
    data = await _compute(request, "exercises", **_exercise_fields(body))
    for exercise in data["exercises"]:
        exercise.pop("mathml")
    return data


@_api
async def api_compress(request, body):
    """``POST /api/compress {"image": id or "sample", "k"}``: the reconstruction and the plot as PNG data URLs."""
    picture = body.get("image", SAMPLE)
    data = request.app.state.pictures.get(picture)
    result = await _compute(request, "compress", k=body.get("k", 20), image=data)
    return {"image": picture, **result}


# ---------------------------------------------------------------- downloads

DOWNLOADS = {
    "svd.json": ("svd_file", "json"),
    "solution.tex": ("solution_file", "latex"),
    "solution.md": ("solution_file", "markdown"),
    "solution.pdf": ("solution_file", "pdf"),
    "solution.html": ("solution_file", "html"),
    **{f"{part}.{suffix}": ("exercise_file", fmt) for part in ("sheet", "key")
       for fmt, suffix in (("pdf", "pdf"), ("latex", "tex"), ("html", "html"))},
}


async def download(request):
    """``GET /download/NAME?...``: a file (see :data:`DOWNLOADS`); a refusal as JSON with its status."""
    name = request.path_params["name"]
    if name not in DOWNLOADS:
        return _json_error(NotFound(f"no such download: {name}; one of {', '.join(DOWNLOADS)}"))
    task, fmt = DOWNLOADS[name]
    query = request.query_params
    try:
        if task == "exercise_file":
            arguments = {**_exercise_fields(query), "part": name.split(".")[0], "worked": _flag(query.get("worked"))}
        else:
            arguments = {"matrix": _matrix(request, query.get("matrix"))}
            arguments.update({"form": query.get("form", "full")} if task == "svd_file" else
                             {"gram": query.get("gram", "auto"), "rank_one": _flag(query.get("rank_one"))})
        if task != "svd_file":
            arguments["fmt"] = fmt
        file = await _compute(request, task, **arguments)
    except ExactSVDError as error:
        return _json_error(error)
    disposition = "inline" if fmt in ("html", "pdf") else "attachment"
    return Response(file["content"], media_type=file["media_type"],
                    headers={"Content-Disposition": f'{disposition}; filename="{file["filename"]}"'})
