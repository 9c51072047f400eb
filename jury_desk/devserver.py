"""The juror-device server: the one listening socket of jury_desk (issue 14).

A third face beside the GUI and the command line: the rules are in
:mod:`jury_desk.core.devices` and the services; this module is HTTP and words refusals.

Off by default. The secretary starts it on ONE address of the laptop (its hotspot or the
room's network); it never listens on every interface unless asked, never connects out,
and serves only its own files, held in memory: no request path is ever used on disk, and
there is no directory listing. It runs inside the application's asyncio loop (qasync in
the GUI), and hands every write to :class:`~jury_desk.core.devices.JurorDevices`, which
runs it on the application's single database writer.

Plain HTTP, by choice (``docs/juror-devices.md``): phones refuse or scare users away
from a self-signed certificate, while what crosses the room's Wi-Fi is one juror's own
values for the dossier being heard, already said aloud in the deliberation an hour later;
the token that grants them lives in the URL's fragment, which browsers never send.

Every response carries a strict Content-Security-Policy; requests are checked for their
``Host`` (the address the server was started on: DNS rebinding) and, for writes,
``Origin``; bodies are limited to 16 KiB and each client address to a steady request rate.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from jury_desk.core import resources
from jury_desk.core.errors import UserError

if TYPE_CHECKING:
    from jury_desk.core.devices import JurorDevices, Pairing

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024
RATE_PER_S = 20.0  # sustained requests a second per paired juror, or per client address
RATE_BURST = 60.0
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# The page's own files, by URL path: (resource file, media type).
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
}


def load_assets() -> dict[str, tuple[bytes, str]]:
    """The page's files, read once from the package (never a path from a request)."""
    return {
        url: (resources.path("juror_page", name).read_bytes(), media)
        for url, (name, media) in ASSETS.items()
    }


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, now: float) -> None:
        self.tokens = RATE_BURST
        self.stamp = now


@dataclass
class ServerConfig:
    host: str  # the address listened on, e.g. "192.168.137.1"
    port: int

    @property
    def authority(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        return f"http://{self.authority}"

    def url(self, token: str) -> str:
        return f"{self.origin}/#t={token}"


def _json(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(data, status=status, headers={"Cache-Control": "no-store"})


def _refusal(code: str, status: int, message: str = "") -> web.Response:
    return _json({"error": code, "message": message}, status)


class _RateLimiter:
    """A token bucket per key (a paired juror, else a client address): RATE_PER_S a
    second, bursts of RATE_BURST."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, peer: str) -> bool:
        now = self._clock()
        bucket = self._buckets.get(peer)
        if bucket is None:
            if len(self._buckets) > 4096:  # bounded, whatever the clients
                self._buckets.clear()
            bucket = self._buckets[peer] = _Bucket(now)
        bucket.tokens = min(RATE_BURST, bucket.tokens + (now - bucket.stamp) * RATE_PER_S)
        bucket.stamp = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


def _bearer(request: web.Request) -> str:
    auth = request.headers.get("Authorization", "")
    return auth[7:] if auth.startswith("Bearer ") else ""


# the request's key for the pairing its token opens (None: no valid token)
_PAIRING: web.RequestKey[Pairing | None] = web.RequestKey("jury_desk.pairing")


def _screen(
    request: web.Request, config: ServerConfig, limiter: _RateLimiter, hub: JurorDevices
) -> web.Response | None:
    """The refusal a request gets before any handler runs, or None to let it through.

    The request budget is a paired juror's when the request carries their token, else its
    address's: pages that share an address (behind one access point's NAT, or all on the
    loopback in tests) do not use up each other's, and a request without a token (the
    page's own files, a stranger) still has its address's."""
    pairing = hub.authenticate(_bearer(request))
    request[_PAIRING] = pairing  # the handlers' (pairing_of): one token check a request
    key = f"juré:{pairing.juror_id}" if pairing is not None else f"adresse:{request.remote}"
    if not limiter.allow(key):
        return _refusal("rate_limited", 429)
    if request.host != config.authority:  # DNS rebinding: only the address we listen on
        return _refusal("bad_host", 421)
    if (
        request.method not in ("GET", "HEAD")
        and request.headers.get("Origin", config.origin) != config.origin
    ):
        return _refusal("bad_origin", 403)
    return None


def make_app(
    hub: JurorDevices,
    config: ServerConfig,
    clock: Callable[[], float] = time.monotonic,
) -> web.Application:
    """The aiohttp application of the juror pages (no socket: see :class:`DeviceServer`)."""
    assets = load_assets()

    limiter = _RateLimiter(clock)

    @web.middleware
    async def guard(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        refusal = _screen(request, config, limiter, hub)
        if refusal is not None:
            response: web.StreamResponse = refusal
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = _refusal(exc.reason.lower().replace(" ", "_"), exc.status)
        response.headers.update(SECURITY_HEADERS)
        return response

    def pairing_of(request: web.Request) -> Pairing:
        pairing = request.get(_PAIRING)  # checked by the guard (_screen), before the handler
        if pairing is None:
            raise web.HTTPUnauthorized()
        return pairing

    async def body(request: web.Request) -> dict[str, Any]:
        if request.content_type != "application/json":
            raise web.HTTPUnsupportedMediaType()
        raw = await request.read()  # client_max_size bounds it
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise web.HTTPBadRequest() from exc
        if not isinstance(data, dict):
            raise web.HTTPBadRequest()
        return data

    async def asset(request: web.Request) -> web.Response:
        content, media = assets[request.path]
        return web.Response(
            body=content, headers={"Content-Type": media, "Cache-Control": "no-cache"}
        )

    async def sheet(request: web.Request) -> web.Response:
        return _json(hub.sheet(pairing_of(request).juror_id))

    async def write(request: web.Request, kind: str) -> web.Response:
        pairing = pairing_of(request)
        data = await body(request)
        try:
            if kind == "score":
                answer = await hub.write_score(
                    pairing,
                    data.get("dossier_id"),
                    data.get("criterion_id"),
                    data.get("value"),
                    data.get("key"),
                    data.get("reason"),
                )
            elif kind == "validate":
                answer = await hub.validate_sheet(pairing, data.get("dossier_id"), data.get("key"))
            else:
                answer = await hub.write_comment(
                    pairing, data.get("dossier_id"), data.get("text"), data.get("key")
                )
        except UserError as exc:
            # the page words the codes it knows, in French or English; the services' French
            # sentence covers the others (a value off the scale, a closed deliberation…)
            return _refusal(exc.code, 409, exc.message)
        return _json(answer)

    async def score(request: web.Request) -> web.Response:
        return await write(request, "score")

    async def comment(request: web.Request) -> web.Response:
        return await write(request, "comment")

    async def validate(request: web.Request) -> web.Response:
        return await write(request, "validate")

    app = web.Application(client_max_size=MAX_BODY, middlewares=[guard])
    for url in assets:
        app.router.add_get(url, asset)
    app.router.add_get("/api/sheet", sheet)
    app.router.add_put("/api/score", score)
    app.router.add_put("/api/comment", comment)
    app.router.add_put("/api/validate", validate)
    return app


class DeviceServer:
    """The listening socket: :meth:`start` on one address, :meth:`stop` ends every pairing."""

    def __init__(self, hub: JurorDevices) -> None:
        self.hub = hub
        self.config: ServerConfig | None = None
        self._runner: web.AppRunner | None = None

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self, host: str, port: int = 0) -> ServerConfig:
        if self.running:
            raise RuntimeError("the juror-device server is already running")
        if self.hub.state.closed:
            raise UserError("devices_closed")
        if host in ("", "0.0.0.0", "::"):
            raise UserError("devices_all_interfaces")
        try:
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                if os.name == "posix":  # as asyncio's own servers: a stop then a start on
                    # the same port must not wait for the old connections' TIME_WAIT
                    # (on Windows the option would let another program take the port)
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((host, port))
                sock.listen(64)
                sock.setblocking(False)
            except OSError:
                sock.close()
                raise
        except OSError as exc:
            raise UserError("devices_bind", params={"host": host, "port": port}) from exc
        probe = ServerConfig(host, int(sock.getsockname()[1]))
        runner = web.AppRunner(make_app(self.hub, probe), access_log=None, handle_signals=False)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self.config = probe
        self._runner = runner
        log.info("juror-device server listening")
        return probe

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        self.hub.revoke_all()
        if runner is not None:
            await runner.cleanup()
            log.info("juror-device server stopped")
