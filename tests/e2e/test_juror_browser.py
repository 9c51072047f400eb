"""The juror's page in a real browser, on a phone's screen (issue 14).

Debian's Chromium, driven by Playwright for Python (``executable_path``: the registries'
own browser downloads are not reachable here), opens the page the laptop serves
(:class:`~jury_desk.devserver.DeviceServer` on 127.0.0.1, an ephemeral port, over the
demonstration session, with a one-thread executor standing in for the GUI's single
database writer). Each juror has their own browser context (their own phone: own
storage, 390 × 844, French), opens their pairing URL and taps their values like a juror;
what counts is what the page shows and what the database then holds.

Without ``/usr/bin/chromium`` the file is skipped on a workstation (and on the Windows
workflow) but fails in the Linux CI (``CI`` set), whose ``.ci/run`` installs it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.async_api import Browser, Page, Route, async_playwright, expect

from jury_desk.core import audit, bundle, crypto
from jury_desk.core.devices import JurorDevices
from jury_desk.core.services import Desk
from jury_desk.devserver import DeviceServer, ServerConfig

T = TypeVar("T")

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
DOSSIER = "d02"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def shoot(page: Page, name: str) -> None:
    """``JURY_DESK_SHOTS=1`` refreshes the juror page's screenshots in docs/."""
    if os.environ.get("JURY_DESK_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


# Waiting for what the page shows, not a timing: generous, so that a slow CI machine
# (2 cores, seven browser tabs) never fails a test that would pass.
expect.set_options(timeout=30_000)


@pytest.fixture
def chromium() -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    if os.environ.get("CI") and sys.platform == "linux":
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing (Debian: apt-get install chromium); the Linux CI runs it")


@dataclass
class Served:
    hub: JurorDevices
    server: DeviceServer
    config: ServerConfig


@asynccontextmanager
async def serving(desk: Desk, sid: str) -> AsyncIterator[Served]:
    """The real server for this session, on loopback, with its own single writer."""
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e2e-writer")

    def run_write(fn: Callable[[], T]) -> asyncio.Future[T]:
        return loop.run_in_executor(pool, fn)

    hub = JurorDevices(desk, sid, run_write)
    await hub.reload()
    server = DeviceServer(hub)
    config = await server.start("127.0.0.1", 0)
    try:
        yield Served(hub, server, config)
    finally:
        await server.stop()
        pool.shutdown(wait=True)


@asynccontextmanager
async def browser(executable: str) -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=executable)
        try:
            yield b
        finally:
            await b.close()


async def phone(b: Browser, url: str) -> Page:
    """One juror's phone (its own context: own storage) with their pairing URL open."""
    context = await b.new_context(
        viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = await context.new_page()
    await page.goto(url)
    await expect(page.locator("h1")).to_be_visible()  # the dossier's title: the sheet is in
    return page


def fr(value: str) -> str:
    """A number as the French page writes it."""
    return value.replace(".", ",")


def state(page: Page, criterion_id: str) -> Any:
    return page.locator(f"#s-{criterion_id}")


async def tap_value(page: Page, label: str, shown: str) -> None:
    """Tap the button ``shown`` in the criterion labelled ``label``, as a juror does."""
    group = page.get_by_role("group", name=label, exact=True)
    await group.get_by_role("button", name=shown, exact=True).tap()


async def shows_saved(page: Page, criterion_id: str, value: str) -> None:
    await expect(state(page, criterion_id)).to_have_text(f"{fr(value)} — enregistré")
    await expect(state(page, criterion_id)).to_have_class("state saved")


def score_entries(desk: Desk, sid: str, juror_id: str, criterion_id: str) -> list[dict[str, Any]]:
    return [
        e
        for e in desk.audit_entries(sid)
        if e["action"] == "score.set"
        and e["data"]["dossier_id"] == DOSSIER
        and e["data"]["juror_id"] == juror_id
        and e["data"]["criterion_id"] == criterion_id
    ]


def sheet_of(k: int) -> dict[str, str]:
    """Juror number ``k``'s values (canonical text), all on the demo's scales, zeros too."""
    return {
        "innovation": str((k + 1) % 6),
        "impact": f"{1.5 * k:g}",
        "implication": str((k + 2) % 6),
        "faisabilite": str((5 - k) % 6),
        "partenariats": str((2 * k) % 6),
    }


def button_label(step: str, value: str) -> str:
    """The button's text: as many decimals as the step has, French comma."""
    decimals = len(step.partition(".")[2])
    return fr(f"{float(value):.{decimals}f}")


def test_seven_jurors_score_one_dossier_on_their_own_phones(
    demo_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, DOSSIER)
    st = desk.state(sid)
    criteria = {c.id: c.label for c in st.criteria}
    steps = {c.id: f"{float(c.step):g}" for c in st.criteria}
    jurors = [j.id for j in st.jurors]
    assert len(jurors) == 7 and len(criteria) == 5
    typed = {jid: sheet_of(k) for k, jid in enumerate(jurors)}
    actors: dict[str, str] = {}

    async def juror(page: Page, values: dict[str, str]) -> None:
        for cid, label in criteria.items():
            await tap_value(page, label, button_label(steps[cid], values[cid]))
        for cid, label in criteria.items():
            await shows_saved(page, cid, values[cid])
            group = page.get_by_role("group", name=label, exact=True)
            await expect(group.locator("button[aria-pressed='true']")).to_have_text(
                [button_label(steps[cid], values[cid])]
            )
        await expect(page.locator("#net")).to_be_hidden()
        # then « Valider ma feuille »: said plainly, the sheet still on screen
        await page.get_by_role("button", name="Valider ma feuille", exact=True).tap()
        await expect(page.locator("#s-validate")).to_have_text(VALIDATED_AT)

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            tokens = {jid: served.hub.pair(jid) for jid in jurors}
            for jid, token in tokens.items():
                pairing = served.hub.authenticate(token)
                assert pairing is not None
                actors[jid] = served.hub.actor(pairing)
            pages = await asyncio.gather(
                *(phone(b, served.config.url(tokens[jid])) for jid in jurors)
            )
            for jid, page in zip(jurors, pages, strict=True):
                await expect(page.locator("#who")).to_have_text(st.juror(jid).name)
                await expect(page.locator("h1")).to_have_text(st.dossier(DOSSIER).title)
                # the token left the address bar (it stays in this tab's storage)
                assert "#t=" not in page.url
            # the seven score at once
            await asyncio.gather(
                *(juror(page, typed[jid]) for jid, page in zip(jurors, pages, strict=True))
            )
            # the secretary's console: every sheet complete and validated, every device
            # connected
            for row in served.hub.statuses():
                assert (row.paired, row.connected, row.entered, row.expected) == (
                    True,
                    True,
                    5,
                    5,
                ), row
                assert row.validated, row
            await shoot(pages[0], "telephone-jure-enregistre")
            # a page opened again reads its values back from the laptop
            first = pages[0]
            await first.evaluate("localStorage.removeItem('jury_desk.queue')")
            answers: list[str] = []
            first.on("response", lambda r: answers.append(f"{r.request.method} {r.url} {r.status}"))
            first.on("requestfailed", lambda r: answers.append(f"{r.method} {r.url} failed"))
            await first.reload()
            try:
                # seven pages on one address share its request budget: a read refused
                # (429) is asked again at the page's next turn, hence the longer wait
                await expect(first.locator("#who")).to_have_text(
                    st.juror(jurors[0]).name, timeout=15_000
                )
            except AssertionError as exc:  # say what the page got from the laptop
                raise AssertionError(f"{exc}\nanswers after the reload: {answers[-12:]}") from exc
            for cid in criteria:
                await shows_saved(first, cid, typed[jurors[0]][cid])

    asyncio.run(scenario())

    # What the laptop holds, read by a fresh reader: exactly what was typed, nothing else.
    fresh = Desk(desk.db_path)
    try:
        scores = {k: v for k, v in fresh.state(sid).scores.items() if k[0] == DOSSIER}
        entries = fresh.audit_entries(sid)
    finally:
        fresh.close()
    expected = {
        (DOSSIER, jid, cid): Fraction(value)
        for jid, values in typed.items()
        for cid, value in values.items()
    }
    assert scores == expected
    sealed = [e for e in entries if e["action"] == "sheet.validated"]
    assert {(e["data"]["juror_id"], e["actor"]) for e in sealed} == {
        (jid, actors[jid]) for jid in jurors
    }  # each sheet sealed once, by its juror's own device
    written = [e for e in entries if e["action"] == "score.set"]
    assert len(written) == 35  # one entry per value: no write twice
    for e in written:
        data = e["data"]
        assert e["actor"] == actors[data["juror_id"]]
        assert re.fullmatch(rf"juré:{data['juror_id']}/appareil:[0-9a-f]{{6}}", e["actor"])
        assert (
            Fraction(data["value"]) == expected[(DOSSIER, data["juror_id"], data["criterion_id"])]
        )
    assert len(set(actors.values())) == 7
    assert audit.verify_chain(entries).ok


def test_a_value_typed_without_network_waits_and_is_saved_once(
    demo_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, DOSSIER)
    failed: list[str] = []
    keys: list[str] = []

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            page = await phone(b, served.config.url(served.hub.pair("j03")))
            page.on("requestfailed", lambda r: failed.append(r.url))
            # -- the Wi-Fi drops, the juror taps 4 for innovation
            await page.context.set_offline(True)
            await tap_value(page, "Caractère innovant", "4")
            await expect(state(page, "innovation")).to_have_text("4 — pas encore enregistré")
            await expect(state(page, "innovation")).to_have_class("state pending")
            net = page.locator("#net")
            await expect(net).to_contain_text("Pas de connexion avec le portable")
            await expect(net).to_contain_text("1 valeur(s) pas encore enregistrée(s)")
            # the page tries again and again; still not "saved", nothing on the laptop
            while sum(u.endswith("/api/score") for u in failed) < 2:
                await page.wait_for_event("requestfailed")
            await expect(state(page, "innovation")).to_have_text("4 — pas encore enregistré")
            await shoot(page, "telephone-jure-hors-ligne")
            assert not score_entries(desk, sid, "j03", "innovation")
            assert (DOSSIER, "j03", "innovation") not in desk.state(sid).scores
            # -- the Wi-Fi comes back: sent with its key, saved once
            await page.context.set_offline(False)
            await shows_saved(page, "innovation", "4")
            await expect(net).to_be_hidden()

            # -- the laptop commits, the answer is lost on the way back: the page sends the
            #    same write again with the same key, and the laptop does not write twice
            async def lose_first_answer(route: Route) -> None:
                body = json.loads(route.request.post_data or "{}")
                keys.append(body.get("key", ""))
                if len(keys) == 1:
                    answer = await route.fetch()  # reaches the laptop, which commits
                    assert answer.status == 200
                    await route.abort("connectionreset")
                else:
                    await route.continue_()

            await page.route("**/api/score", lose_first_answer)
            await tap_value(page, "Impact pour les habitants", "7,5")
            await shows_saved(page, "impact", "7.5")

    asyncio.run(scenario())
    assert len(keys) >= 2 and len(set(keys)) == 1  # retried, with the same key
    st = desk.state(sid)
    assert st.scores[(DOSSIER, "j03", "innovation")] == 4
    assert st.scores[(DOSSIER, "j03", "impact")] == Fraction(15, 2)
    for cid, value in (("innovation", "4"), ("impact", "7.5")):
        entries = score_entries(desk, sid, "j03", cid)
        assert [e["data"]["value"] for e in entries] == [value]
        assert entries[0]["actor"].startswith("juré:j03/appareil:")


@pytest.fixture
def twenty_scale_desk(
    tmp_path: Path, demo_source: Path, hq_key: tuple[Path, Path, crypto.PrivateKey]
) -> Any:
    """The demonstration session with "impact" marked from 0 to 20 by 0.5: 41 values, too
    many buttons, so the page gives a text field (a juror can type anything there)."""
    manifest_path = demo_source / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    impact = next(c for c in manifest["criteria"] if c["id"] == "impact")
    impact.update(max=20, step=0.5)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    _pem, jwks, key = hq_key
    signed = tmp_path / "twenty.zip"
    bundle.make_bundle(demo_source, key, signed)
    desk = Desk(tmp_path / "jury.sqlite3")
    sid = desk.import_bundle(signed, crypto.load_jwks(jwks)).session_id
    yield desk, sid
    desk.close()


def test_a_value_off_the_scale_is_refused_in_words_and_written_nowhere(
    twenty_scale_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = twenty_scale_desk
    desk.set_current_dossier(sid, DOSSIER)

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            page = await phone(b, served.config.url(served.hub.pair("j02")))
            field = page.get_by_role("textbox", name="Impact pour les habitants", exact=True)
            await expect(page.locator("#d-impact")).to_contain_text("de 0 à 20 par pas de 0,5")
            # 25 on a scale of 0 to 20: the laptop refuses, the page says why
            await field.tap()
            await field.press_sequentially("25")
            await field.press("Tab")
            await expect(state(page, "impact")).to_have_class("state refused")
            await expect(state(page, "impact")).to_contain_text("Refusé : ")
            await expect(state(page, "impact")).to_contain_text("n’est pas une valeur admise")
            await expect(page.locator("#net")).to_be_hidden()  # refused, not pending
            assert not score_entries(desk, sid, "j02", "impact")
            assert (DOSSIER, "j02", "impact") not in desk.state(sid).scores
            # typed the French way, 1,5 is one and a half (never 15)
            await field.fill("")
            await field.press_sequentially("1,5")
            await field.press("Tab")
            await shows_saved(page, "impact", "1.5")
            await expect(field).to_have_value("1,5")

    asyncio.run(scenario())
    assert desk.state(sid).scores[(DOSSIER, "j02", "impact")] == Fraction(3, 2)
    assert [e["data"]["value"] for e in score_entries(desk, sid, "j02", "impact")] == ["1.5"]


def test_a_revoked_device_and_a_stopped_service_say_the_page_is_no_longer_paired(
    demo_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, DOSSIER)
    no_longer = "Cet appareil n’est plus appairé. Demandez un nouveau code au secrétariat du jury."

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            revoked = await phone(b, served.config.url(served.hub.pair("j04")))
            kept = await phone(b, served.config.url(served.hub.pair("j05")))
            served.hub.revoke("j04")
            await expect(revoked.locator("main")).to_have_text(no_longer)
            await expect(revoked.get_by_role("button")).to_have_count(0)  # nothing to tap
            # the other juror's page is untouched and still writes
            await tap_value(kept, "Partenariats", "3")
            await shows_saved(kept, "partenariats", "3")
            # paired again: the new code opens the sheet on the same phone
            again = served.config.url(served.hub.pair("j04"))
            await revoked.goto(again)
            await expect(revoked.locator("#who")).to_have_text("Ousmane Diallo")
            await tap_value(revoked, "Partenariats", "2")
            await shows_saved(revoked, "partenariats", "2")
            # the secretary stops the service and starts it again on the same address:
            # every code died with it
            port = served.config.port
            await served.server.stop()
            restarted = await served.server.start("127.0.0.1", port)
            assert restarted.port == port
            for page in (revoked, kept):
                await expect(page.locator("main")).to_have_text(no_longer)

    asyncio.run(scenario())
    st = desk.state(sid)
    assert st.scores[(DOSSIER, "j04", "partenariats")] == 2
    assert st.scores[(DOSSIER, "j05", "partenariats")] == 3
    assert len(score_entries(desk, sid, "j04", "partenariats")) == 1


def test_a_value_typed_while_the_service_is_stopped_waits_for_the_same_juror_only(
    demo_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, DOSSIER)
    not_sent = "1 valeur(s) pas encore enregistrée(s) — elles partiront quand le secrétariat"
    actors: dict[str, str] = {}

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            hub, server = served.hub, served.server
            page = await phone(b, served.config.url(hub.pair("j06")))
            shared = await phone(b, served.config.url(hub.pair("j07")))
            # -- the service stops mid-sheet (the laptop's Wi-Fi, a restart): j06 taps 2
            port = served.config.port
            await server.stop()
            await tap_value(page, "Caractère innovant", "2")
            await expect(state(page, "innovation")).to_have_text("2 — pas encore enregistré")
            await expect(page.locator("#net")).to_contain_text("Pas de connexion")
            # it starts again: every code died with it, the value waits, said plainly
            config = await server.start("127.0.0.1", port)
            await expect(page.locator("main")).to_contain_text("n’est plus appairé")
            await expect(page.locator("#net")).to_contain_text(not_sent)
            assert not score_entries(desk, sid, "j06", "innovation")
            # paired again (same juror, same phone): the value goes, once
            token = hub.pair("j06")
            pairing = hub.authenticate(token)
            assert pairing is not None
            actors["j06"] = hub.actor(pairing)
            await page.goto(config.url(token))
            await shows_saved(page, "innovation", "2")
            await expect(page.locator("#net")).to_be_hidden()

            # -- j07's value waits on a phone that is then given to j01: never sent as j01's
            await shared.goto(config.url(hub.pair("j07")))
            await expect(shared.locator("#who")).to_have_text("Amina Touré")
            await shared.context.set_offline(True)
            await tap_value(shared, "Caractère innovant", "5")
            await expect(state(shared, "innovation")).to_have_text("5 — pas encore enregistré")
            hub.revoke("j07")
            await shared.context.set_offline(False)
            await expect(shared.locator("main")).to_contain_text("n’est plus appairé")
            await expect(shared.locator("#net")).to_contain_text(not_sent)
            await shared.goto(config.url(hub.pair("j01")))
            await expect(shared.locator("#who")).to_have_text("Corinne Malabre")
            await expect(shared.locator("#net")).to_be_hidden()
            await expect(state(shared, "innovation")).to_have_text("")
            assert await shared.evaluate("localStorage.getItem('jury_desk.queue')") == "[]"
            await tap_value(shared, "Partenariats", "1")
            await shows_saved(shared, "partenariats", "1")

    asyncio.run(scenario())
    st = desk.state(sid)
    assert st.scores[(DOSSIER, "j06", "innovation")] == 2
    assert [e["actor"] for e in score_entries(desk, sid, "j06", "innovation")] == [actors["j06"]]
    assert st.scores[(DOSSIER, "j01", "partenariats")] == 1
    for jid in ("j01", "j07"):
        assert (DOSSIER, jid, "innovation") not in st.scores
        assert not score_entries(desk, sid, jid, "innovation")


def seal_entries(entries: list[dict[str, Any]], action: str, juror_id: str) -> list[dict[str, Any]]:
    return [
        e
        for e in entries
        if e["action"] == action
        and e["data"]["dossier_id"] == DOSSIER
        and e["data"]["juror_id"] == juror_id
    ]


async def fill_sheet(page: Page, desk: Desk, sid: str, values: dict[str, str]) -> None:
    """Tap these criteria's values and wait until each shows as saved."""
    criteria = {c.id: c for c in desk.state(sid).criteria}
    for cid, value in values.items():
        c = criteria[cid]
        await tap_value(page, c.label, button_label(f"{float(c.step):g}", value))
    for cid, value in values.items():
        await shows_saved(page, cid, value)


async def fits_a_small_phone(page: Page) -> None:
    """At 360 px wide nothing runs off the screen, and every button is a thumb's size."""
    await page.set_viewport_size({"width": 360, "height": 780})
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    for button in await page.locator("main button:visible").all():
        box = await button.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44, box
    await page.set_viewport_size(PHONE)


VALIDATED_AT = re.compile(
    r"^✓ Feuille validée à \d{1,2} h \d{2}\. Toute modification demande maintenant un motif\.$"
)


def test_a_juror_validates_their_sheet_and_a_later_change_needs_a_reason(
    demo_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, DOSSIER)
    typed = sheet_of(3)  # innovation 4, impact 4.5, implication 5, faisabilite 2, partenariats 0
    why = "Erreur de saisie : je voulais mettre 2."
    actor: list[str] = []

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            token = served.hub.pair("j02")
            pairing = served.hub.authenticate(token)
            assert pairing is not None
            actor.append(served.hub.actor(pairing))
            page = await phone(b, served.config.url(token))
            validate = page.get_by_role("button", name="Valider ma feuille", exact=True)
            seal = page.locator("#s-validate")
            # -- incomplete: the button cannot be pressed, the page says why
            await expect(validate).to_be_disabled()
            await expect(seal).to_have_text(
                "Notez chaque critère pour pouvoir valider votre feuille (0 sur 5)."
            )
            first = ("innovation", "impact")
            await fill_sheet(page, desk, sid, {k: v for k, v in typed.items() if k in first})
            await expect(seal).to_have_text(
                "Notez chaque critère pour pouvoir valider votre feuille (2 sur 5)."
            )
            await expect(validate).to_be_disabled()
            await validate.tap(force=True)  # a tap on the disabled button sends nothing
            await fill_sheet(page, desk, sid, {k: v for k, v in typed.items() if k not in first})
            await expect(validate).to_be_enabled()
            await expect(seal).to_have_text(
                "Une fois votre feuille validée, toute modification demandera un motif."
            )
            assert not seal_entries(desk.audit_entries(sid), "sheet.validated", "j02")
            await fits_a_small_phone(page)
            # -- validated: said plainly, with the time; the sheet stays on screen
            await validate.tap()
            await expect(seal).to_have_text(VALIDATED_AT)
            await expect(validate).to_be_hidden()
            for cid, value in typed.items():
                await shows_saved(page, cid, value)
            assert (DOSSIER, "j02") in desk.state(sid).sealed
            await shoot(page, "telephone-jure-validee")
            # -- a change now asks for its reason first, and is not sent without it
            await tap_value(page, "Caractère innovant", "2")
            reason = page.get_by_role("textbox", name="Motif de la modification", exact=True)
            await expect(reason).to_be_focused()
            await expect(reason).to_have_attribute("required", "")
            await expect(state(page, "innovation")).to_have_text(
                "4 → 2 — pas encore enregistré : motif requis"
            )
            await expect(page.locator("#rn-innovation")).to_have_text(
                "Indiquez le motif de la modification : la note n’est pas envoyée sans lui."
            )
            save = page.get_by_role("button", name="Enregistrer la modification", exact=True)
            await reason.fill("   ")  # blanks are no reason
            await save.tap()
            await expect(page.locator("#re-innovation")).to_have_text("Le motif est obligatoire.")
            await expect(reason).to_have_attribute("aria-invalid", "true")
            await expect(reason).to_be_focused()
            await expect(page.locator("#net")).to_contain_text(
                "1 modification(s) en attente de leur motif"
            )
            assert desk.state(sid).scores[(DOSSIER, "j02", "innovation")] == 4
            assert not seal_entries(desk.audit_entries(sid), "score.correct", "j02")
            await fits_a_small_phone(page)
            # "Annuler" gives the change up: the value in force shows again
            await page.get_by_role("button", name="Annuler", exact=True).tap()
            await expect(reason).to_be_hidden()
            await shows_saved(page, "innovation", "4")
            # with a reason it is saved, and the sheet stays validated
            await tap_value(page, "Caractère innovant", "2")
            await expect(reason).to_have_value("")
            await reason.fill(why)
            await shoot(page, "telephone-jure-motif")
            await save.tap()
            await shows_saved(page, "innovation", "2")
            await expect(reason).to_be_hidden()
            await expect(seal).to_have_text(VALIDATED_AT)
            await expect(page.locator("#net")).to_be_hidden()
            # the comment is not sealed: saved without a reason
            await page.locator("#comment").fill("Dossier relu après l’audition.")
            await page.get_by_role("button", name="Enregistrer mon commentaire").tap()
            await expect(page.locator("#s-comment")).to_have_text("Commentaire enregistré.")

    asyncio.run(scenario())
    st = desk.state(sid)
    assert (DOSSIER, "j02") in st.sealed  # the seal is not lifted by the change
    assert st.scores[(DOSSIER, "j02", "innovation")] == 2
    entries = desk.audit_entries(sid)
    sealed = seal_entries(entries, "sheet.validated", "j02")
    assert len(sealed) == 1 and sealed[0]["actor"] == actor[0]
    changes = seal_entries(entries, "score.correct", "j02")
    assert len(changes) == 1
    assert changes[0]["actor"] == actor[0]
    data = changes[0]["data"]
    assert (data["criterion_id"], data["previous"], data["value"]) == ("innovation", "4", "2")
    assert (data["reason"], data["sealed"]) == (why, True)
    assert audit.verify_chain(entries).ok


def test_a_sheet_validated_on_the_laptop_meanwhile_asks_the_phone_for_the_reason(
    demo_desk: tuple[Desk, str], chromium: str
) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, DOSSIER)
    typed = sheet_of(1)  # innovation 2, impact 1.5, implication 3, faisabilite 4, partenariats 2
    actor: list[str] = []

    async def scenario() -> None:
        async with serving(desk, sid) as served, browser(chromium) as b:
            token = served.hub.pair("j03")
            pairing = served.hub.authenticate(token)
            assert pairing is not None
            actor.append(served.hub.actor(pairing))
            page = await phone(b, served.config.url(token))
            await fill_sheet(page, desk, sid, typed)
            # -- the Wi-Fi drops; the juror changes a value, which waits on the phone
            await page.context.set_offline(True)
            await tap_value(page, "Caractère innovant", "5")
            await expect(state(page, "innovation")).to_have_text("5 — pas encore enregistré")
            await expect(page.get_by_role("button", name="Valider ma feuille")).to_be_disabled()
            # -- meanwhile the secretary validates the complete sheet on the laptop
            assert desk.validate_sheet(sid, DOSSIER, "j03") is True
            await served.hub.reload()
            # -- back online: the laptop refuses the change without a reason (sheet_sealed);
            #    the page reads the sheet again and asks for the reason, the value kept
            await page.context.set_offline(False)
            reason = page.get_by_role("textbox", name="Motif de la modification", exact=True)
            await expect(reason).to_be_visible()
            await expect(page.locator("#rn-innovation")).to_have_text(
                "Votre feuille a été validée entre-temps : indiquez le motif de la modification"
                " pour enregistrer 5."
            )
            await expect(state(page, "innovation")).to_have_text(
                "2 → 5 — pas encore enregistré : motif requis"
            )
            await expect(page.locator("#s-validate")).to_have_text(
                "✓ Feuille validée. Toute modification demande maintenant un motif."
            )
            await expect(page.locator("#net")).to_have_text(
                "1 modification(s) en attente de leur motif (voir ci-dessous)."
            )
            assert desk.state(sid).scores[(DOSSIER, "j03", "innovation")] == 2
            # nothing lost if the page is opened again before the reason is given
            await page.reload()
            await expect(reason).to_be_visible()
            await expect(state(page, "innovation")).to_have_text(
                "2 → 5 — pas encore enregistré : motif requis"
            )
            await reason.fill("Relu le dossier")
            await page.get_by_role("button", name="Enregistrer la modification").tap()
            await shows_saved(page, "innovation", "5")
            await expect(page.locator("#net")).to_be_hidden()

    asyncio.run(scenario())
    st = desk.state(sid)
    assert st.scores[(DOSSIER, "j03", "innovation")] == 5 and (DOSSIER, "j03") in st.sealed
    entries = desk.audit_entries(sid)
    sealed = seal_entries(entries, "sheet.validated", "j03")
    assert len(sealed) == 1 and sealed[0]["actor"] == "secretariat"
    changes = seal_entries(entries, "score.correct", "j03")
    assert len(changes) == 1 and changes[0]["actor"] == actor[0]
    data = changes[0]["data"]
    assert (data["previous"], data["value"], data["reason"], data["sealed"]) == (
        "2",
        "5",
        "Relu le dossier",
        True,
    )
