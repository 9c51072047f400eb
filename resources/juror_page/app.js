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
    validate: "Validate my sheet", validated: t => "Sheet validated" + (t ? " at " + t : "") + ".",
    sealedNote: "Any change now needs a reason.",
    validateHint: (n, m) => "Score every criterion to validate your sheet (" + n + " of " + m + ").",
    validateWait: "Wait until all your scores are saved to validate your sheet.",
    validateReady: "Once your sheet is validated, any change will need a reason.",
    validatePending: "Validation not yet saved.",
    reason: "Reason for the change", saveChange: "Save the change", cancel: "Cancel",
    reasonNeeded: "Give the reason for the change: the score is not sent without it.",
    reasonMissing: "The reason is required.", needsReason: "not yet saved: reason required",
    sealedMeanwhile: v => "Your sheet was validated meanwhile: give the reason for the change to save " + v + ".",
    drafts: n => n + " change(s) waiting for their reason (see below).",
    sheet_incomplete: "Your sheet is not complete: score every criterion before validating it.",
    sheet_sealed: "Your sheet is validated: any change needs a reason.",
    time: d => d.getHours() + ":" + String(d.getMinutes()).padStart(2, "0"),
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
    validate: "Valider ma feuille", validated: t => "Feuille validée" + (t ? " à " + t : "") + ".",
    sealedNote: "Toute modification demande maintenant un motif.",
    validateHint: (n, m) => "Notez chaque critère pour pouvoir valider votre feuille (" + n + " sur " + m + ").",
    validateWait: "Attendez que toutes vos notes soient enregistrées pour valider votre feuille.",
    validateReady: "Une fois votre feuille validée, toute modification demandera un motif.",
    validatePending: "Validation pas encore enregistrée.",
    reason: "Motif de la modification", saveChange: "Enregistrer la modification", cancel: "Annuler",
    reasonNeeded: "Indiquez le motif de la modification : la note n’est pas envoyée sans lui.",
    reasonMissing: "Le motif est obligatoire.", needsReason: "pas encore enregistré : motif requis",
    sealedMeanwhile: v => "Votre feuille a été validée entre-temps : indiquez le motif de la modification pour enregistrer " + v + ".",
    drafts: n => n + " modification(s) en attente de leur motif (voir ci-dessous).",
    sheet_incomplete: "Votre feuille n’est pas complète : notez chaque critère avant de la valider.",
    sheet_sealed: "Votre feuille est validée : toute modification demande un motif.",
    time: d => d.getHours() + " h " + String(d.getMinutes()).padStart(2, "0"),
  };
  if (EN) document.documentElement.lang = "en";
  // Numbers as the juror reads them: "7,5" in French; the value sent stays "7.5".
  const num = v => (EN || v === undefined || v === null) ? v : String(v).replace(".", ",");
  document.title = T.title + " — jury_desk";

  const QUEUE = "jury_desk.queue", DRAFTS = "jury_desk.drafts", SEALS = "jury_desk.validated";
  const $ = id => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) if (k) e.appendChild(k);
    return e;
  };
  const load = (name, empty) => { try { return JSON.parse(localStorage.getItem(name) || empty); } catch (e) { return JSON.parse(empty); } };

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
  let sealStatus = null; // the laptop's refusal of « Valider ma feuille », in words
  let queue = load(QUEUE, "[]");
  const saveQueue = () => localStorage.setItem(QUEUE, JSON.stringify(queue));
  // A change of a validated sheet waits here, on the phone, until the juror gives its
  // reason: {juror, dossier_id, criterion_id, value, meanwhile (the laptop sealed it first)}.
  let drafts = load(DRAFTS, "[]");
  const saveDrafts = () => localStorage.setItem(DRAFTS, JSON.stringify(drafts));
  // When this phone saw its validation acknowledged, by "juror|dossier" (its own clock).
  const seals = load(SEALS, "{}");
  const newKey = () => {
    const b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.from(b, x => x.toString(16).padStart(2, "0")).join("");
  };
  const say = text => { $("live").textContent = ""; setTimeout(() => { $("live").textContent = text; }, 50); };
  const here = () => sheet && sheet.dossier && !sheet.blocked ? sheet.dossier.id : null;
  const draftOf = cid => drafts.find(d => d.juror === sheet.juror.id && d.dossier_id === here() && d.criterion_id === cid);
  const dropDraft = cid => { drafts = drafts.filter(d => !(d.juror === sheet.juror.id && d.dossier_id === here() && d.criterion_id === cid)); saveDrafts(); };

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
    const d = sheet ? drafts.filter(x => x.juror === sheet.juror.id && x.dossier_id === here()).length : 0;
    updateSeal();
    if (online && n === 0 && d === 0) { box.hidden = true; return; }
    box.hidden = false;
    box.textContent = [(online ? "" : T.offline) + (n ? (unpaired ? T.unpairedWaiting(n) : T.waiting(n)) : ""),
      d ? T.drafts(d) : ""].filter(x => x).join(" ");
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
    if (key !== shownKey) { shownKey = key; sealStatus = null; main.replaceChildren(); build(main); }
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

  // A value chosen by the juror: sent at once, or, on a validated sheet, held until its reason is given.
  function choose(c, v) {
    if (!here()) return;
    if (!sheet.validated && !draftOf(c.id)) { enqueue({ kind: "score", criterion_id: c.id, value: v }); return; }
    const saved = sheet.values[c.id];
    const pending = queue.some(q => q.kind === "score" && q.criterion_id === c.id && q.dossier_id === here());
    dropDraft(c.id);
    if (pending || saved === undefined || Number(saved) !== Number(v)) {
      drafts.push({ juror: sheet.juror.id, dossier_id: here(), criterion_id: c.id, value: v, meanwhile: false });
      saveDrafts();
    }
    update(); setNet();
    if (draftOf(c.id)) $("rt-" + c.id).focus();
  }

  function confirmChange(cid) {
    const d = draftOf(cid), rt = $("rt-" + cid), why = rt.value.trim(), err = $("re-" + cid);
    if (!d) return;
    if (!why) { rt.setAttribute("aria-invalid", "true"); err.textContent = T.reasonMissing; rt.focus(); say(T.reasonMissing); return; }
    rt.removeAttribute("aria-invalid"); err.textContent = ""; rt.value = "";
    dropDraft(cid);
    enqueue({ kind: "score", criterion_id: cid, value: d.value, reason: why });
  }

  function cancelChange(cid) {
    const rt = $("rt-" + cid);
    rt.value = ""; rt.removeAttribute("aria-invalid"); $("re-" + cid).textContent = "";
    dropDraft(cid); update(); setNet();
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
          b.addEventListener("click", () => choose(c, v));
          scale.appendChild(b);
        }
      } else {
        // type="text", not "number": Chromium's number field drops a French decimal comma
        // ("1,5" becomes 15); the laptop checks the scale and refuses in words.
        const inp = el("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", "aria-label": c.label, "aria-describedby": "d-" + c.id });
        inp.addEventListener("change", () => choose(c, inp.value.trim().replace(",", ".")));
        scale.appendChild(inp);
      }
      fs.appendChild(scale);
      fs.appendChild(el("p", { class: "state", id: "s-" + c.id, role: "status" }));
      // the reason of a change to a validated sheet, asked before the value is sent
      const rt = el("textarea", { id: "rt-" + c.id, rows: "2", maxlength: "5000", required: "", "aria-describedby": "rn-" + c.id + " re-" + c.id });
      const ok = el("button", { type: "button", class: "primary", text: T.saveChange });
      ok.addEventListener("click", () => confirmChange(c.id));
      const no = el("button", { type: "button", class: "secondary", text: T.cancel });
      no.addEventListener("click", () => cancelChange(c.id));
      fs.appendChild(el("div", { class: "reason", id: "r-" + c.id, hidden: "" },
        el("p", { class: "note", id: "rn-" + c.id }),
        el("label", { for: "rt-" + c.id, text: T.reason }), rt,
        el("p", { class: "state refused", id: "re-" + c.id }),
        el("div", { class: "actions" }, ok, no)));
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
    const seal = el("button", { type: "button", class: "primary wide", id: "validate", "aria-describedby": "s-validate", disabled: "", text: T.validate });
    seal.addEventListener("click", () => { if (!seal.disabled) { sealStatus = null; enqueue({ kind: "validate" }); } });
    main.appendChild(el("section", { class: "seal", "aria-label": T.validate }, seal,
      el("p", { class: "state", id: "s-validate", role: "status" })));
  }

  function update() {
    if (!here()) return;
    for (const c of sheet.criteria) {
      const pending = queue.filter(q => q.kind === "score" && q.criterion_id === c.id && q.dossier_id === here());
      const draft = draftOf(c.id), saved = sheet.values[c.id];
      const shown = draft ? draft.value : pending.length ? pending[pending.length - 1].value : saved;
      const fs = $("c-" + c.id);
      if (!fs) continue;
      for (const b of fs.querySelectorAll(".scale button")) b.setAttribute("aria-pressed", String(Number(b.dataset.v) === Number(shown)));
      const inp = fs.querySelector(".scale input");
      if (inp && document.activeElement !== inp && shown !== undefined) inp.value = num(shown);
      const st = $("s-" + c.id), s = status[c.id];
      $("r-" + c.id).hidden = !draft;
      if (draft) {
        $("rn-" + c.id).textContent = draft.meanwhile ? T.sealedMeanwhile(num(draft.value)) : T.reasonNeeded;
        st.className = "state pending"; st.textContent = (saved !== undefined ? num(saved) + " → " : "") + num(draft.value) + " — " + T.needsReason;
      } else if (pending.length) { st.className = "state pending"; st.textContent = (num(shown) || "") + " — " + T.pending; }
      else if (s && s.kind === "refused") { st.className = "state refused"; st.textContent = s.text; }
      else if (saved !== undefined) { st.className = "state saved"; st.textContent = num(saved) + " — " + T.saved; }
      else { st.className = "state"; st.textContent = ""; }
    }
    updateSeal();
  }

  // « Valider ma feuille »: only for a complete sheet whose every value the laptop holds.
  function updateSeal() {
    const btn = $("validate"), st = $("s-validate");
    if (!btn || !here()) return;
    const did = here(), all = sheet.criteria.length;
    const have = sheet.criteria.filter(c => sheet.values[c.id] !== undefined).length;
    const waiting = queue.some(q => q.dossier_id === did) || drafts.some(d => d.juror === sheet.juror.id && d.dossier_id === did);
    if (sheet.validated) {
      btn.hidden = true; btn.disabled = true;
      const at = seals[sheet.juror.id + "|" + did];
      st.className = "state sealed"; st.textContent = "✓ " + T.validated(at ? T.time(new Date(at)) : "") + " " + T.sealedNote;
      return;
    }
    btn.hidden = false;
    btn.disabled = !(online && have === all && !waiting);
    if (queue.some(q => q.kind === "validate" && q.dossier_id === did)) { st.className = "state pending"; st.textContent = T.validatePending; }
    else if (sealStatus) { st.className = "state refused"; st.textContent = sealStatus; }
    else { st.className = "state"; st.textContent = have < all ? T.validateHint(have, all) : waiting || !online ? T.validateWait : T.validateReady; }
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

  function send(item) {
    if (item.kind === "score") {
      const body = { dossier_id: item.dossier_id, criterion_id: item.criterion_id, value: item.value, key: item.key };
      if (item.reason) body.reason = item.reason;
      return call("PUT", "/api/score", body);
    }
    if (item.kind === "validate") return call("PUT", "/api/validate", { dossier_id: item.dossier_id, key: item.key });
    return call("PUT", "/api/comment", { dossier_id: item.dossier_id, text: item.text, key: item.key });
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
        try { r = await send(item); } catch (e) { online = false; setNet(); setTimeout(flush, 2000); return; }
        online = true;
        if (r.status === 401) { fatal(T.revoked); setNet(); return; }
        if (r.status === 429 || r.status >= 500) { setTimeout(flush, 2000); return; }
        queue.shift(); saveQueue();
        const code = r.data.error || "", own = sheet && sheet.dossier && sheet.dossier.id === item.dossier_id;
        if (r.status === 200) {
          if (item.kind === "score") { if (own) sheet.values[item.criterion_id] = r.data.value; say(num(r.data.value) + " — " + T.saved); }
          else if (item.kind === "validate") {
            seals[item.juror + "|" + item.dossier_id] = seals[item.juror + "|" + item.dossier_id] || Date.now();
            localStorage.setItem(SEALS, JSON.stringify(seals));
            if (own) sheet.validated = true;
            say(T.validated(T.time(new Date(seals[item.juror + "|" + item.dossier_id]))));
          } else { const s = $("s-comment"); if (s) { s.className = "state saved"; s.textContent = T.commentSaved; } say(T.commentSaved); }
        } else if (item.kind === "score" && code === "sheet_sealed") {
          // Validated meanwhile (on the laptop, in another tab): nothing is dropped, the
          // value waits on the phone for its reason; the sheet is read again below.
          if (own) {
            dropDraft(item.criterion_id);
            drafts.push({ juror: item.juror, dossier_id: item.dossier_id, criterion_id: item.criterion_id, value: item.value, meanwhile: true });
            saveDrafts(); sheet.validated = true;
            say(T.sealedMeanwhile(num(item.value)));
          }
        } else {
          const text = T.refused + (code.startsWith("sheet_") && T[code] ? T[code] : (r.data.message || blockedText(code.replace(/^device_/, ""))));
          if (item.kind === "score") status[item.criterion_id] = { kind: "refused", text };
          else if (item.kind === "validate") sealStatus = text;
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
      sheet = r.data; unpaired = false;
      // what another juror left on this device is theirs, never this juror's
      if (drafts.some(d => d.juror !== sheet.juror.id)) { drafts = drafts.filter(d => d.juror === sheet.juror.id); saveDrafts(); }
      render();
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
