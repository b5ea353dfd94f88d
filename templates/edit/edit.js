// casepack edit: keeps the case as JSON while the form is filled in, asks
// the local casepack to check it after each change, and shows what comes
// back beside the field it is about. Everything the server says is put in
// the page as text (textContent), never as HTML; the one exception is the
// form itself after a list changes shape, which the server makes with
// every value escaped.
"use strict";

const base = document.body.dataset.base;
const view = document.body.dataset.view;
let caseData = {};
let dirty = false;
let seq = 0;
let timer = null;
let previewPage = 0;
let previewPages = 0;

function $(id) { return document.getElementById(id); }

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

async function post(what, body) {
  const r = await fetch(base + what, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({ error: "casepack did not answer (" + r.status + ")" }));
  if (!r.ok && !json.error) json.error = "casepack refused (" + r.status + ")";
  return json;
}

// `people[0].name` → ["people", 0, "name"]
function segments(path) {
  const out = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path)) !== null) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function parentPath(path) {
  const i = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return i <= 0 ? "" : path.slice(0, i);
}

function setAt(obj, segs, value) {
  let node = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    if (node[s] === undefined || node[s] === null || typeof node[s] !== "object") {
      node[s] = typeof segs[i + 1] === "number" ? [] : {};
    }
    node = node[s];
  }
  const last = segs[segs.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node[last] = "";
    else delete node[last];
  } else {
    node[last] = value;
  }
}

function yamlFields() {
  const out = {};
  for (const t of document.querySelectorAll('textarea[data-kind="yaml"]')) out[t.name] = t.value;
  return out;
}

function draft() { return { case: caseData, yaml: yamlFields() }; }

function changed(e) {
  const t = e.target;
  if (!t.name || !t.dataset.kind) return;
  const kind = t.dataset.kind;
  if (kind !== "yaml") {
    let v;
    if (kind === "bool") v = t.checked;
    else if (t.value === "") v = undefined;
    else if (kind === "number") v = Number(t.value);
    else if (kind === "scalar") v = /^-?\d+$/.test(t.value.trim()) ? Number(t.value) : t.value;
    else v = t.value;
    setAt(caseData, segments(t.name), v);
  }
  dirty = true;
  status("Not saved yet.");
  clearTimeout(timer);
  timer = setTimeout(check, 250);
}

function status(text) { $("status").textContent = text; }

async function check() {
  // Increasing across reloads of the page too, so the server keeps the
  // latest check for the preview whichever answer comes back first.
  seq = Math.max(seq + 1, Date.now());
  const mine = seq;
  const r = await post("check", { ...draft(), seq: mine });
  if (mine !== seq) return; // a later change is being checked
  if (r.error) { status(r.error); return; }
  offerPeople();
  offerFromProfile(r.offers || {});
  showFindings(r);
  showLetters(r.plain);
  showGreetings(r.greetings || []);
  showTimeline(r.timeline);
  showDocuments(r.documents);
}

// The people the case names, offered in every field that names someone.
function offerPeople() {
  const list = $("ids-people");
  const people = Array.isArray(caseData.people) ? caseData.people : [];
  list.replaceChildren(...people
    .filter(p => p && typeof p.id === "string" && p.id !== "")
    .map(p => { const o = el("option", p.name || p.id); o.value = p.id; return o; }));
}

// What the profile defines (its meeting types), offered in the fields
// that name one; the lists come with each check, from the case's profile.
function offerFromProfile(offers) {
  for (const [name, items] of Object.entries(offers)) {
    const list = $("ids-" + name);
    if (!list || !Array.isArray(items)) continue;
    list.replaceChildren(...items.map(i => { const o = el("option", i.label); o.value = i.value; return o; }));
  }
}

function showFindings(r) {
  const places = new Map();
  for (const d of document.querySelectorAll(".findings[data-for]")) {
    d.replaceChildren();
    places.set(d.dataset.for, d);
  }
  for (const i of document.querySelectorAll("[aria-invalid]")) i.removeAttribute("aria-invalid");
  const other = $("other-findings");
  other.replaceChildren();
  for (const f of r.findings) {
    let p = f.path;
    while (p && !places.has(p)) p = parentPath(p);
    const box = el("div", null, "finding finding-" + f.severity);
    box.dataset.code = f.code;
    box.append(el("strong", f.severity === "error" ? "Error: " : "Warning: "), el("span", f.message));
    if (f.help) box.append(el("p", f.help, "finding-help"));
    if (p) {
      places.get(p).append(box);
      if (f.severity === "error") {
        const input = document.getElementById("f-" + p);
        if (input) input.setAttribute("aria-invalid", "true");
      }
    }
    const li = el("li");
    const where = el("a", f.path || "the whole case");
    where.href = "#" + (p ? "f-" + p : "form");
    if (p && !document.getElementById("f-" + p)) where.href = "#e-" + p;
    li.append(box.cloneNode(true), where);
    other.append(li);
  }
  const n = (k, one) => k + " " + one + (k === 1 ? "" : "s");
  $("counts").textContent = r.findings.length === 0
    ? "No findings: the pack can be built."
    : n(r.errors, "error") + ", " + n(r.warnings, "warning") + (r.errors ? ": nothing can be built until the errors are put right." : ".");
}

function table(headers, rows, caption) {
  const t = el("table");
  if (caption) t.append(el("caption", caption));
  const head = el("tr");
  for (const h of headers) head.append(el("th", h));
  const thead = el("thead"); thead.append(head); t.append(thead);
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    for (const c of r) tr.append(el("td", c));
    body.append(tr);
  }
  t.append(body);
  return t;
}

function showLetters(plain) {
  const box = $("letters");
  box.replaceChildren();
  if (!plain || !plain.letters || plain.letters.length === 0) {
    box.append(el("p", plain ? "No letters to parents in this pack." : "Shown once the case has no errors."));
    return;
  }
  const t = plain.targets;
  for (const l of plain.letters) {
    const rows = [
      ["Reading Ease", fmt(l.reading_ease), "at least " + t.reading_ease],
      ["Words a sentence, on average", fmt(l.average_sentence), "at most " + t.average_sentence],
      ["Longest sentence, words", l.longest_sentence, "at most " + t.longest_sentence],
    ];
    if (l.jargon && l.jargon.length) rows.push(["Words to avoid", l.jargon.join(", "), "none"]);
    box.append(table(["Measure", "This letter", "Target"], rows, l.title));
  }
  // Each Easy Read document, measured against the Easy Read rules.
  const easy = plain.easy_read;
  if (!easy || !easy.documents) return;
  const et = easy.targets;
  for (const e of easy.documents) {
    const rows = [
      ["Longest sentence, words", e.longest_sentence, "at most " + et.longest_sentence],
      ["Words a sentence, on average", fmt(e.average_sentence), "at most " + et.average_sentence],
      ["Rows without a picture", e.rows_without_picture, "none"],
      ["Smallest text", fmt(e.smallest_text) + " pt", "at least " + et.smallest_text + " pt"],
      ["Pages", e.pages, ""],
      ["Hard words not explained", e.unexplained.length ? e.unexplained.join(", ") : "none", "none"],
    ];
    box.append(table(["Measure", "This document", "Target"], rows, e.title));
  }
}

// Under each person letters go to: the words their letters begin with.
function showGreetings(list) {
  for (const p of document.querySelectorAll(".greeting-note")) p.remove();
  const groups = new Map();
  for (const g of document.querySelectorAll("fieldset.group[data-path]")) groups.set(g.dataset.path, g);
  for (const g of list) {
    const box = groups.get(g.path);
    if (!box) continue;
    const note = el("p", "Letters will begin: " + g.opens + (g.by_hand ? " (handed to them, not posted)" : ""), "greeting-note");
    const after = box.querySelector(":scope > .findings");
    box.insertBefore(note, after);
  }
}

function fmt(x) { return typeof x === "number" ? (Math.round(x * 10) / 10).toString() : String(x ?? ""); }

function showTimeline(tl) {
  const box = $("timeline");
  box.replaceChildren();
  if (!tl) { box.append(el("p", "Shown once the case has no errors.")); return; }
  for (const line of tl.timelines) {
    // Dates as every document prints them, not as the case file writes them.
    const rows = line.steps.map(s => [s.due_long || s.due, s.action, s.responsible || "", s.recorded ? "done " + (s.recorded_long || s.recorded) : (s.status || "")]);
    box.append(table(["Due", "Step", "Who", "Status"], rows, line.title));
  }
}

function showDocuments(docs) {
  const sel = $("doc");
  if (docs.length === 0) {
    // The last good preview stays, said to be out of date, rather than
    // flashing away while a field is half typed.
    $("page-of").textContent = $("preview").hidden ? "Shown once the case has no errors." : "As before the errors: put them right to update it.";
    return;
  }
  const before = sel.value;
  const titles = docs.map(d => d.title).join("\n");
  if (sel.dataset.titles !== titles) {
    sel.replaceChildren();
    for (const d of docs) {
      const o = el("option", d.title);
      o.value = d.index;
      sel.append(o);
    }
    sel.dataset.titles = titles;
    if (docs.some(d => String(d.index) === before)) sel.value = before;
  }
  preview();
}

async function preview() {
  const sel = $("doc");
  const r = await fetch(base + "preview?doc=" + encodeURIComponent(sel.value) + "&page=" + previewPage);
  if (!r.ok) { $("page-of").textContent = await r.text(); return; }
  previewPages = Number(r.headers.get("X-Pages") || "1");
  const img = $("preview");
  const old = img.src;
  img.src = URL.createObjectURL(await r.blob());
  if (old.startsWith("blob:")) URL.revokeObjectURL(old);
  const title = sel.options[sel.selectedIndex] ? sel.options[sel.selectedIndex].textContent : "";
  img.alt = "Page " + (previewPage + 1) + " of " + previewPages + " of " + title;
  img.hidden = false;
  $("page-of").textContent = "Page " + (previewPage + 1) + " of " + previewPages;
  const t = await getJson("preview-text?doc=" + encodeURIComponent(sel.value) + "&page=" + previewPage);
  const box = $("preview-text");
  box.replaceChildren(...(t.words || []).map(w => el("p", w)));
  $("preview-words").hidden = !t.words;
}

async function getJson(what) {
  const r = await fetch(base + what);
  return r.json().catch(() => ({}));
}

async function reshape(button) {
  const op = button.dataset.op;
  const path = button.dataset.path;
  const r = await post("form", { ...draft(), op, path, view });
  if (r.error) { status(r.error); return; }
  caseData = r.case;
  dirty = true;
  $("form").innerHTML = r.html; // made by casepack's templates, every value escaped
  let focus = null;
  if (op === "add") {
    const items = document.querySelectorAll('[data-path="' + CSS.escape(path) + '"] > .items > .item');
    const last = items[items.length - 1];
    if (last) focus = last.querySelector("input, select, textarea");
  } else if (op !== "remove") {
    const moved = op === "up" ? -1 : 1;
    const m = /\[(\d+)\]$/.exec(path);
    if (m) {
      const to = path.replace(/\[(\d+)\]$/, "[" + (Number(m[1]) + moved) + "]");
      focus = document.querySelector('button[data-op="' + op + '"][data-path="' + CSS.escape(to) + '"]:not([disabled])')
        || document.querySelector('[data-path="' + CSS.escape(to) + '"] input, [data-path="' + CSS.escape(to) + '"] textarea');
    }
  } else {
    focus = document.querySelector('button[data-op="add"][data-path="' + CSS.escape(parentPath(path)) + '"]');
  }
  if (focus) focus.focus();
  status("Not saved yet.");
  check();
}

async function save() {
  const r = await post("save", draft());
  if (r.error) { status(r.error); return; }
  dirty = false;
  status(r.message);
}

async function build() {
  status("Building…");
  const r = await post("build", draft());
  if (r.error) { status(r.error); return; }
  dirty = false;
  status(r.message);
  const list = $("built");
  list.replaceChildren();
  for (const name of r.written) {
    const a = el("a", name);
    a.href = base + "download/" + encodeURIComponent(name);
    a.setAttribute("download", name);
    const li = el("li"); li.append(a); list.append(li);
  }
  $("built-panel").hidden = r.written.length === 0;
}

async function start() {
  const r = await fetch(base + "case").then(x => x.json());
  caseData = r.case;
  if (r.notice) status(r.notice);
  const form = $("form");
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", e => e.preventDefault());
  form.addEventListener("click", e => {
    const b = e.target.closest("button[data-op]");
    if (b) reshape(b);
  });
  $("save").addEventListener("click", save);
  $("build").addEventListener("click", build);
  $("doc").addEventListener("change", () => { previewPage = 0; preview(); });
  $("prev-page").addEventListener("click", () => { if (previewPage > 0) { previewPage--; preview(); } });
  $("next-page").addEventListener("click", () => { if (previewPage + 1 < previewPages) { previewPage++; preview(); } });
  window.addEventListener("beforeunload", e => { if (dirty) e.preventDefault(); });
  check();
}

start();
