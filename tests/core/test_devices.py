"""Jurors' own devices: the real server on loopback, talked to over HTTP (issue 14).

Each test starts :class:`~jury_desk.devserver.DeviceServer` on 127.0.0.1 (an ephemeral
port) over the demonstration session, with a one-thread executor standing in for the
GUI's single database writer, and sends real requests with aiohttp's client.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import aiohttp
import pytest

from jury_desk.core import audit, demo_scenario
from jury_desk.core.devices import TELL_EVERY_S, JurorDevices
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from jury_desk.devserver import CSP, MAX_BODY, DeviceServer, load_assets

T = TypeVar("T")


@pytest.fixture
def writer() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-writer")
    yield pool
    pool.shutdown(wait=True)


@asynccontextmanager
async def serving(desk: Desk, sid: str, pool: ThreadPoolExecutor) -> AsyncIterator[Any]:
    loop = asyncio.get_running_loop()

    def run_write(fn: Callable[[], T]) -> asyncio.Future[T]:
        return loop.run_in_executor(pool, fn)

    hub = JurorDevices(desk, sid, run_write)
    await hub.reload()
    server = DeviceServer(hub)
    config = await server.start("127.0.0.1", 0)
    async with aiohttp.ClientSession() as http:
        try:
            yield hub, server, config, http
        finally:
            await server.stop()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def put(
    http: aiohttp.ClientSession, origin: str, path: str, token: str, body: Any, **headers: str
) -> tuple[int, dict[str, Any]]:
    async with http.put(
        origin + path,
        data=json.dumps(body),
        headers={"Content-Type": "application/json", "Origin": origin, **auth(token), **headers},
    ) as r:
        return r.status, await r.json()


def test_a_paired_juror_reads_only_their_sheet_and_scores_it(
    demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, "d02")
    desk.record_score(sid, "d02", "j02", "innovation", "4")  # another juror's value

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, _server, config, http):
            token = hub.pair("j01")
            async with http.get(config.origin + "/", headers={}) as r:
                page = await r.text()
                assert r.status == 200 and "app.js" in page
                assert r.headers["Content-Security-Policy"] == CSP
            async with http.get(config.origin + "/api/sheet", headers=auth(token)) as r:
                sheet = await r.json()
            assert sheet["juror"]["id"] == "j01"
            assert sheet["dossier"]["id"] == "d02"
            assert sheet["values"] == {}  # j02's 4 is not there
            assert "4" not in json.dumps(sheet["values"])
            assert sheet["blocked"] is None
            status, answer = await put(
                http,
                config.origin,
                "/api/score",
                token,
                {"dossier_id": "d02", "criterion_id": "innovation", "value": "3", "key": "k" * 16},
            )
            assert (status, answer["saved"], answer["value"]) == (200, True, "3")
            # committed before the answer: a fresh reader sees it
            assert Desk(desk.db_path).state(sid).scores[("d02", "j01", "innovation")] == 3
            # the same key again (a retry after a lost answer): no second write
            count = len(desk.audit_entries(sid))
            status, again = await put(
                http,
                config.origin,
                "/api/score",
                token,
                {"dossier_id": "d02", "criterion_id": "innovation", "value": "3", "key": "k" * 16},
            )
            assert status == 200 and again["replayed"] is True
            assert len(desk.audit_entries(sid)) == count
            # a comment
            status, answer = await put(
                http,
                config.origin,
                "/api/comment",
                token,
                {"dossier_id": "d02", "text": "Projet solide, budget clair.", "key": "c" * 16},
            )
            assert status == 200
            # progress for the secretary, never a value
            row = next(s for s in hub.statuses() if s.juror_id == "j01")
            assert (row.paired, row.connected, row.entered) == (True, True, 1)

    asyncio.run(scenario())
    entries = desk.audit_entries(sid)
    actors = {e["actor"] for e in entries if e["action"] in ("score.set", "comment.set")}
    assert any(a.startswith("juré:j01/appareil:") for a in actors)
    assert audit.verify_chain(entries).ok


def test_security_cases(demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, "d01")
    desk.recuse(sid, "j05", "d01", "absent", "Sorti de la salle pour un appel urgent")

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, _server, config, http):
            t1, t5 = hub.pair("j01"), hub.pair("j05")
            o = config.origin
            body = {
                "dossier_id": "d01",
                "criterion_id": "innovation",
                "value": "2",
                "key": "x" * 16,
            }
            # no token, a wrong token
            async with http.get(o + "/api/sheet") as r:
                assert r.status == 401
            async with http.get(o + "/api/sheet", headers=auth("A" * 32)) as r:
                assert r.status == 401
            # a forged Host (DNS rebinding)
            async with http.get(
                o + "/api/sheet", headers={**auth(t1), "Host": "evil.example"}
            ) as r:
                assert r.status == 421
            # a foreign Origin on a write
            status, _ = await put(http, o, "/api/score", t1, body, Origin="http://evil.example")
            assert status == 403
            # an oversized body
            async with http.put(
                o + "/api/comment",
                data=b"{" + b" " * (MAX_BODY + 10) + b"}",
                headers={"Content-Type": "application/json", "Origin": o, **auth(t1)},
            ) as r:
                assert r.status == 413
            # a path traversal, a listing: nothing but our own files
            for path in (
                "/../pyproject.toml",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/static/",
                "/resources/juror_page/app.js",
                "/app.js/../../x",
            ):
                async with http.get(o + path) as r:
                    assert r.status == 404, path
            # a write for another dossier than the one heard
            status, answer = await put(http, o, "/api/score", t1, {**body, "dossier_id": "d02"})
            assert (status, answer["error"]) == (409, "device_not_current")
            # a recused juror
            status, answer = await put(http, o, "/api/score", t5, {**body, "key": "y" * 16})
            assert (status, answer["error"]) == (409, "device_recused")
            async with http.get(o + "/api/sheet", headers=auth(t5)) as r:
                assert (await r.json())["blocked"] == "recused"
            # a value off the scale: refused in words, nothing written
            status, answer = await put(
                http, o, "/api/score", t1, {**body, "value": "9", "key": "z" * 16}
            )
            assert status == 409 and "n’est pas une valeur admise" in answer["message"]
            # a revoked token, then a new pairing of the same juror
            hub.revoke("j01")
            async with http.get(o + "/api/sheet", headers=auth(t1)) as r:
                assert r.status == 401
            t1b = hub.pair("j01")
            assert t1b != t1
            async with http.get(o + "/api/sheet", headers=auth(t1b)) as r:
                assert r.status == 200
            # the same token again after the server stopped and started: dead
            await _server.stop()
            config2 = await _server.start("127.0.0.1", 0)
            async with http.get(config2.origin + "/api/sheet", headers=auth(t1b)) as r:
                assert r.status == 401

    asyncio.run(scenario())
    assert ("d01", "j01", "innovation") not in desk.state(sid).scores
    assert ("d01", "j05", "innovation") not in desk.state(sid).scores


def test_never_on_every_interface_nor_a_closed_session(
    demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    desk, sid = demo_desk

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        hub = JurorDevices(desk, sid, lambda fn: loop.run_in_executor(writer, fn))
        await hub.reload()
        server = DeviceServer(hub)
        for everywhere in ("0.0.0.0", "", "::"):
            with pytest.raises(UserError) as refused:
                await server.start(everywhere, 0)
            assert refused.value.code == "devices_all_interfaces"
        assert not server.running

    asyncio.run(scenario())


def test_the_rate_limit_answers_429(
    demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    desk, sid = demo_desk

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, _server, config, http):
            token, other = hub.pair("j01"), hub.pair("j02")
            codes = []
            for _ in range(120):  # bounded, all on loopback
                async with http.get(config.origin + "/api/sheet", headers=auth(token)) as r:
                    codes.append(r.status)
            assert 429 in codes and codes[0] == 200
            # the budget is the juror's, not the address's: another juror's page on the
            # same address, and the page's own files, are still served
            async with http.get(config.origin + "/api/sheet", headers=auth(other)) as r:
                assert r.status == 200
            async with http.get(config.origin + "/") as r:
                assert r.status == 200
            # without a token, the address's own budget
            anonymous = []
            for _ in range(120):
                async with http.get(config.origin + "/app.css") as r:
                    anonymous.append(r.status)
            assert 429 in anonymous

    asyncio.run(scenario())


def test_closing_the_session_ends_every_pairing(
    scored_demo: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    desk, sid = scored_demo
    demo_scenario.record_hearings(desk, sid)

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, server, config, http):
            token = hub.pair("j01")
            desk.close_deliberation(sid, accept_proposal=True)
            await hub.reload()  # the console's refresh after the close
            async with http.get(config.origin + "/api/sheet", headers=auth(token)) as r:
                assert r.status == 401
            with pytest.raises(UserError):
                hub.pair("j01")
            await server.stop()
            with pytest.raises(UserError) as refused:
                await server.start("127.0.0.1", 0)
            assert refused.value.code == "devices_closed"

    asyncio.run(scenario())


def test_a_retried_write_is_written_once_in_flight_after_a_restart_and_once_moved_on(
    demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, "d02")
    body = {"dossier_id": "d02", "criterion_id": "innovation", "value": "3", "key": "r" * 20}

    def written() -> list[dict[str, Any]]:
        return [e for e in desk.audit_entries(sid) if e["data"].get("request_key") == "r" * 20]

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, server, config, http):
            token = hub.pair("j01")
            # the same request twice at once (a page retrying a slow answer): one write
            answers = await asyncio.gather(
                put(http, config.origin, "/api/score", token, body),
                put(http, config.origin, "/api/score", token, body),
            )
            assert [s for s, _ in answers] == [200, 200]
            assert sorted(bool(a.get("replayed")) for _, a in answers) == [False, True]
            assert len(written()) == 1
            # the server stopped and started again: a new token, the same key, no new write
            await server.stop()
            config = await server.start("127.0.0.1", 0)
            token = hub.pair("j01")
            status, again = await put(http, config.origin, "/api/score", token, body)
            assert (status, again["replayed"], again["value"]) == (200, True, "3")
            assert len(written()) == 1

    asyncio.run(scenario())
    # the application restarted (a new hub, a new Desk) and the console moved on: the
    # retry still answers as the first write did, from the audit log, and writes nothing
    desk.set_current_dossier(sid, "d03")
    fresh = Desk(desk.db_path)
    try:

        async def after_restart() -> None:
            async with serving(fresh, sid, writer) as (hub, _server, config, http):
                token = hub.pair("j01")
                status, again = await put(http, config.origin, "/api/score", token, body)
                assert (status, again["replayed"], again["value"]) == (200, True, "3")
                status, other = await put(
                    http, config.origin, "/api/score", token, {**body, "key": "s" * 20}
                )
                assert (status, other["error"]) == (409, "device_not_current")

        asyncio.run(after_restart())
    finally:
        fresh.close()
    assert len(written()) == 1
    assert desk.state(sid).scores[("d02", "j01", "innovation")] == 3


def test_seven_devices_at_once_each_answer_is_already_in_the_hubs_state(
    demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    """Each device, on its answer, finds its value in what the hub serves (its next sheet
    shows it); the console is told once for a burst, and after the last write."""
    desk, sid = demo_desk
    desk.set_current_dossier(sid, "d02")
    told: list[dict[tuple[str, str, str], Any]] = []
    told_at: list[float] = []

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, _server, config, http):
            loop = asyncio.get_running_loop()

            def tell(_did: str) -> None:
                told.append(dict(hub.state.scores))
                told_at.append(loop.time())

            hub.on_write = tell
            tokens = {j.id: hub.pair(j.id) for j in hub.state.jurors}
            criteria = [c.id for c in hub.state.criteria]

            async def device(jid: str) -> None:
                for k, cid in enumerate(criteria):
                    body = {"dossier_id": "d02", "criterion_id": cid, "value": "2"}
                    status, answer = await put(
                        http,
                        config.origin,
                        "/api/score",
                        tokens[jid],
                        {**body, "key": f"{jid}-burst-{k}"},
                    )
                    assert status == 200 and answer["saved"] is True
                    # what its next GET /api/sheet answers (one address for all seven
                    # here: the rate limit leaves room for the writes only)
                    assert hub.sheet(jid)["values"][cid] == "2"

            await asyncio.gather(*(device(jid) for jid in tokens))
            await asyncio.sleep(2 * TELL_EVERY_S)  # the console is told at most this often
            assert told  # at most every TELL_EVERY_S (asyncio may fire a timer a hair early)
            assert all(b - a >= TELL_EVERY_S - 0.01 for a, b in itertools.pairwise(told_at))
            assert all(told[-1][("d02", jid, cid)] == 2 for jid in tokens for cid in criteria)

    asyncio.run(scenario())


def test_a_juror_validates_their_sheet_and_a_later_change_needs_a_reason(
    demo_desk: tuple[Desk, str], writer: ThreadPoolExecutor
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, "d02")
    criteria = [c.id for c in desk.state(sid).criteria]

    async def scenario() -> None:
        async with serving(desk, sid, writer) as (hub, _server, config, http):
            token, o = hub.pair("j01"), config.origin

            def score(cid: str, value: str, key: str, **more: str) -> dict[str, Any]:
                return {
                    "dossier_id": "d02",
                    "criterion_id": cid,
                    "value": value,
                    "key": key,
                    **more,
                }

            # incomplete: refused, with the services' code
            status, answer = await put(
                http, o, "/api/validate", token, {"dossier_id": "d02", "key": "v" * 16}
            )
            assert (status, answer["error"]) == (409, "sheet_incomplete")
            for i, cid in enumerate(criteria):
                status, _ = await put(http, o, "/api/score", token, score(cid, "2", f"s{i}" * 8))
                assert status == 200
            status, answer = await put(
                http, o, "/api/validate", token, {"dossier_id": "d02", "key": "w" * 16}
            )
            assert (status, answer["validated"]) == (200, True)
            async with http.get(o + "/api/sheet", headers=auth(token)) as r:
                assert (await r.json())["validated"] is True
            # a change without a reason is refused; with one it is saved and audited
            status, answer = await put(
                http, o, "/api/score", token, score(criteria[0], "3", "a" * 16)
            )
            assert (status, answer["error"]) == (409, "sheet_sealed")
            status, answer = await put(
                http,
                o,
                "/api/score",
                token,
                score(criteria[0], "3", "b" * 16, reason="Relu le dossier"),
            )
            assert (status, answer["value"]) == (200, "3")
            status, _ = await put(
                http, o, "/api/score", token, {**score(criteria[0], "3", "c" * 16), "reason": 7}
            )
            assert status == 409  # a reason that is not text

    asyncio.run(scenario())
    entries = desk.audit_entries(sid)
    sealed = [e for e in entries if e["action"] == "sheet.validated"]
    assert len(sealed) == 1 and sealed[0]["actor"].startswith("juré:j01/appareil:")
    last = [e for e in entries if e["action"] == "score.correct"][-1]
    assert last["data"]["reason"] == "Relu le dossier"
    assert (last["data"]["previous"], last["data"]["value"]) == ("2", "3")
    assert audit.verify_chain(entries).ok


def test_the_juror_page_stays_small() -> None:
    """The whole page a phone downloads (HTML, script, style) stays under 200 KB."""
    assets = load_assets()
    assert set(assets) == {"/", "/app.js", "/app.css"}
    assert sum(len(content) for content, _media in assets.values()) < 200_000
