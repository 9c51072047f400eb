// jury_desk — the juror's own sheet, on their phone or tablet.
// Served by the laptop itself; no outside resource. A value shows "enregistré" only once
// the laptop answered that it is committed. Writes not yet acknowledged are kept in
// localStorage and sent again (with the same idempotency key) until the laptop answers.
"use strict";

(function () {
  const EN = (navigator.language || "fr").toLowerCase().startsWith("en");
  const T = EN ? {
    title: "My scoring sheet", loading: "Loading…", of: "of", saved: "saved",
    pending: "not yet saved", sending: "sending…", offline: "No connection to the laptop: ",
    waiting: n => n + " value(s) not yet saved — they will be sent as soon as the connection is back.",
    unpairedWaiting: n => n + " value(s) not yet saved — they will be sent once the jury secretary pairs this device for you again.",
    online: "Connected to the laptop.", comment: "My comment (only the jury secretary sees it)",
    saveComment: "Save my comment", commentSaved: "Comment saved.",
    noToken: "This page needs the link of your pairing card (scan your QR code again).",
    revoked: "This device is no longer paired. Ask the jury secretary for a new code.",
    closed: "The deliberation is closed: scores can no longer be entered.",
    no_dossier: "No dossier is being heard.", absent: "You are marked absent from the session: you cannot score.",
    recused: "You are recused for this dossier (conflict of interest or leave): you cannot score it.",
    refused: "Refused: ", scale: (a, b, s) => "from " + a + " to " + b + " by " + s,
    dossier: (o, n) => "Dossier " + o + " of " + n, demo: "DEMONSTRATION",
  } : {
    title: "Ma feuille de notation", loading: "Chargement…", of: "sur", saved: "enregistré",
    pending: "pas encore enregistré", sending: "envoi…", offline: "Pas de connexion avec le portable : ",
    waiting: n => n + " valeur(s) pas encore enregistrée(s) — elles partiront dès le retour de la connexion.",
    unpairedWaiting: n => n + " valeur(s) pas encore enregistrée(s) — elles partiront quand le secrétariat aura de nouveau appairé cet appareil pour vous.",
    online: "Connecté au portable.", comment: "Mon commentaire (lu seulement par le secrétariat du jury)",
    saveComment: "Enregistrer mon commentaire", commentSaved: "Commentaire enregistré.",
    noToken: "Cette page a besoin du lien de votre carte d’appairage (scannez de nouveau votre code QR).",
    revoked: "Cet appareil n’est plus appairé. Demandez un nouveau code au secrétariat du jury.",
    closed: "La délibération est close : plus aucune note ne peut être saisie.",
    no_dossier: "Aucun dossier n’est en audition.", absent: "Vous êtes noté(e) absent(e) de la séance : vous ne pouvez pas noter.",
    recused: "Vous êtes déporté(e) pour ce dossier (conflit d’intérêts ou déport) : vous ne pouvez pas le noter.",
    refused: "Refusé : ", scale: (a, b, s) => "de " + a + " à " + b + " par pas de " + s,
    dossier: (o, n) => "Dossier " + o + " sur " + n, demo: "DÉMONSTRATION",
  };
  if (EN) document.documentElement.lang = "en";
  // Numbers as the juror reads them: "7,5" in French; the value sent stays "7.5".
  const num = v => (EN || v === undefined || v === null) ? v : String(v).replace(".", ",");
  document.title = T.title + " — jury_desk";

  const QUEUE = "jury_desk.queue";
  const $ = id => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) if (k) e.appendChild(k);
    return e;
  };

  // The token comes in the URL's fragment (never sent to a server); kept for this tab only.
  let token = "";
  const tokenOfHash = () => {
    const m = /(?:^#|&)t=([A-Za-z0-9_-]{16,128})/.exec(location.hash);
    if (!m) return false;
    token = m[1]; sessionStorage.setItem("jury_desk.token", token); history.replaceState(null, "", "/");
    return true;
  };
  if (!tokenOfHash()) token = sessionStorage.getItem("jury_desk.token") || "";

  let sheet = null, online = true, busy = false, shownKey = "", unpaired = false;
  const status = {}; // criterion id -> {kind, text}
  let queue = JSON.parse(localStorage.getItem(QUEUE) || "[]");
  const saveQueue = () => localStorage.setItem(QUEUE, JSON.stringify(queue));
  const newKey = () => {
    const b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.from(b, x => x.toString(16).padStart(2, "0")).join("");
  };
  const say = text => { $("live").textContent = ""; setTimeout(() => { $("live").textContent = text; }, 50); };

  async function call(method, path, body) {
    const r = await fetch(path, {
      method, cache: "no-store", credentials: "omit",
      headers: Object.assign({ "Authorization": "Bearer " + token },
        body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined,
    });
    let data = {};
    try { data = await r.json(); } catch (e) { data = {}; }
    return { status: r.status, data };
  }

  function setNet() {
    const n = queue.length, box = $("net");
    if (online && n === 0) { box.hidden = true; return; }
    box.hidden = false;
    box.textContent = (online ? "" : T.offline) + (n ? (unpaired ? T.unpairedWaiting(n) : T.waiting(n)) : "");
  }

  function blockedText(code) { return T[code] || code; }

  function render() {
    const main = $("main");
    main.setAttribute("aria-busy", "false");
    if (!sheet) return;
    $("session").textContent = (sheet.session.demo ? T.demo + " — " : "") + sheet.session.title;
    $("who").textContent = sheet.juror.name;
    const d = sheet.dossier;
    const key = (d ? d.id : "-") + "|" + (sheet.blocked || "");
    if (key !== shownKey) { shownKey = key; main.replaceChildren(); build(main); }
    update();
  }

  function values(c) {
    const out = [], min = Number(c.min), max = Number(c.max), step = Number(c.step);
    const n = Math.round((max - min) / step);
    if (n > 20) return null;
    const dec = (c.step.split(".")[1] || "").length;
    for (let k = 0; k <= n; k++) out.push((min + k * step).toFixed(dec));
    return out;
  }

  function build(main) {
    const d = sheet.dossier;
    if (!d) { main.appendChild(el("p", { class: "blocked", text: blockedText("no_dossier") })); return; }
    main.appendChild(el("p", { class: "meta", text: T.dossier(d.order, d.count) + " — " + d.reference }));
    main.appendChild(el("h1", { text: d.title }));
    main.appendChild(el("p", { class: "meta", text: d.holder + " — " + d.commune }));
    if (sheet.blocked) { main.appendChild(el("p", { class: "blocked", id: "blocked", text: blockedText(sheet.blocked) })); return; }
    for (const c of sheet.criteria) {
      const fs = el("fieldset", { id: "c-" + c.id });
      fs.appendChild(el("legend", { text: c.label }));
      fs.appendChild(el("p", { class: "desc", id: "d-" + c.id, text: T.scale(num(c.min), num(c.max), num(c.step)) + (c.description ? " — " + c.description : "") }));
      const scale = el("div", { class: "scale", role: "group", "aria-label": c.label });
      const vals = values(c);
      if (vals) {
        for (const v of vals) {
          const b = el("button", { type: "button", "data-v": v, "aria-pressed": "false", text: num(v) });
          b.addEventListener("click", () => enqueue({ kind: "score", criterion_id: c.id, value: v }));
          scale.appendChild(b);
        }
      } else {
        // type="text", not "number": Chromium's number field drops a French decimal comma
        // ("1,5" becomes 15); the laptop checks the scale and refuses in words.
        const inp = el("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", "aria-label": c.label, "aria-describedby": "d-" + c.id });
        inp.addEventListener("change", () => enqueue({ kind: "score", criterion_id: c.id, value: inp.value.trim().replace(",", ".") }));
        scale.appendChild(inp);
      }
      fs.appendChild(scale);
      fs.appendChild(el("p", { class: "state", id: "s-" + c.id, role: "status" }));
      main.appendChild(fs);
    }
    const box = el("fieldset", {});
    box.appendChild(el("legend", { text: T.comment }));
    const ta = el("textarea", { id: "comment", maxlength: "5000", "aria-label": T.comment });
    ta.value = sheet.comment || "";
    box.appendChild(ta);
    const btn = el("button", { type: "button", class: "primary", id: "save-comment", text: T.saveComment });
    btn.addEventListener("click", () => enqueue({ kind: "comment", text: ta.value }));
    box.appendChild(btn);
    box.appendChild(el("p", { class: "state", id: "s-comment", role: "status" }));
    main.appendChild(box);
  }

  function update() {
    if (!sheet || !sheet.dossier || sheet.blocked) return;
    for (const c of sheet.criteria) {
      const pending = queue.filter(q => q.kind === "score" && q.criterion_id === c.id && q.dossier_id === sheet.dossier.id);
      const shown = pending.length ? pending[pending.length - 1].value : sheet.values[c.id];
      const fs = $("c-" + c.id);
      if (!fs) continue;
      for (const b of fs.querySelectorAll("button")) b.setAttribute("aria-pressed", String(Number(b.dataset.v) === Number(shown)));
      const inp = fs.querySelector("input");
      if (inp && document.activeElement !== inp && shown !== undefined) inp.value = num(shown);
      const st = $("s-" + c.id), s = status[c.id];
      if (pending.length) { st.className = "state pending"; st.textContent = (num(shown) || "") + " — " + T.pending; }
      else if (s && s.kind === "refused") { st.className = "state refused"; st.textContent = s.text; }
      else if (sheet.values[c.id] !== undefined) { st.className = "state saved"; st.textContent = num(sheet.values[c.id]) + " — " + T.saved; }
      else { st.className = "state"; st.textContent = ""; }
    }
  }

  function enqueue(item) {
    if (!sheet || !sheet.dossier) return;
    item.dossier_id = sheet.dossier.id;
    item.juror = sheet.juror.id;
    item.key = newKey();
    if (item.kind === "score") {
      queue = queue.filter(q => !(q.kind === "score" && q.criterion_id === item.criterion_id && q.dossier_id === item.dossier_id && !q.sent));
      delete status[item.criterion_id];
    }
    queue.push(item); saveQueue(); update(); setNet(); flush();
  }

  async function flush() {
    if (busy || !sheet) return;
    // Kept through a new pairing of the same juror (the service stopped, the device was
    // revoked); what another juror typed on this device is never sent as this juror's.
    const mine = queue.filter(q => q.juror === sheet.juror.id);
    if (mine.length !== queue.length) { queue = mine; saveQueue(); setNet(); }
    busy = true;
    try {
      while (queue.length) {
        const item = queue[0];
        item.sent = true; saveQueue();
        let r;
        try {
          r = item.kind === "score"
            ? await call("PUT", "/api/score", { dossier_id: item.dossier_id, criterion_id: item.criterion_id, value: item.value, key: item.key })
            : await call("PUT", "/api/comment", { dossier_id: item.dossier_id, text: item.text, key: item.key });
        } catch (e) { online = false; setNet(); setTimeout(flush, 2000); return; }
        online = true;
        if (r.status === 401) { fatal(T.revoked); setNet(); return; }
        if (r.status === 429 || r.status >= 500) { setTimeout(flush, 2000); return; }
        queue.shift(); saveQueue();
        if (r.status === 200) {
          if (item.kind === "score") { if (sheet) sheet.values[item.criterion_id] = r.data.value; say(num(r.data.value) + " — " + T.saved); }
          else { const s = $("s-comment"); if (s) { s.className = "state saved"; s.textContent = T.commentSaved; } say(T.commentSaved); }
        } else {
          const text = T.refused + (r.data.message || blockedText((r.data.error || "").replace(/^device_/, "")));
          if (item.kind === "score") status[item.criterion_id] = { kind: "refused", text };
          say(text);
        }
        update(); setNet();
      }
    } finally { busy = false; }
    refresh();
  }

  function fatal(text) {
    const main = $("main");
    main.replaceChildren(el("p", { class: "blocked", text }));
    main.setAttribute("aria-busy", "false");
    sheet = null; shownKey = ""; unpaired = true;
  }

  async function refresh() {
    if (!token) { fatal(T.noToken); return; }
    try {
      const r = await call("GET", "/api/sheet");
      online = true;
      if (r.status === 401) { fatal(T.revoked); setNet(); return; }
      if (r.status !== 200) return;
      sheet = r.data; unpaired = false; render();
      if (queue.length && !busy) { setNet(); flush(); return; }
    } catch (e) { online = false; }
    setNet();
  }

  $("loading").textContent = T.loading;
  refresh();
  // A new code scanned into the same tab only changes the fragment: no reload, so take it here.
  window.addEventListener("hashchange", () => { if (tokenOfHash()) { sheet = null; shownKey = ""; refresh(); } });
  setInterval(() => { if (!busy) { if (queue.length && sheet) flush(); else refresh(); } }, 2000);
})();
