// The filing wizard: binds the form to an application in icpkit's JSON
// form, keeps it in localStorage, checks it as the customer types (with the
// wasm build of icp.Check, or the server's /api/check without it) and
// submits it for the server's full check.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("page-data").textContent);
  const T = D.t;
  const KEY = "icpkit-panel-v1";
  const STEPS = ["subject", "people", "sites", "materials", "review"];
  const $ = (s, r) => (r || document).querySelector(s);
  const $$ = (s, r) => Array.from((r || document).querySelectorAll(s));

  // --- state -----------------------------------------------------------
  function fresh() {
    return {
      app: { filing_type: "first_filing", subject: { owner: {} }, sites: [{ service_type: "website", access: {} }], resource: {} },
      same: [true], opts: { profile: "default" }, before: "", materials: {}, touched: {},
    };
  }
  function load() {
    try {
      const s = JSON.parse(localStorage.getItem(KEY));
      if (s && s.app && Array.isArray(s.app.sites)) return Object.assign(fresh(), s);
    } catch (e) { /* a damaged entry starts afresh */ }
    return fresh();
  }
  let state = load();
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: nothing kept */ }
  }

  // Paths: "sites[0].access.ips" → ["sites", 0, "access", "ips"].
  function parts(path) {
    const out = [];
    path.replace(/([^.[\]]+)|\[(\d+)\]/g, (m, name, idx) => { out.push(idx !== undefined ? Number(idx) : name); });
    return out;
  }
  function getPath(obj, path) {
    let v = obj;
    for (const p of parts(path)) { if (v == null) return undefined; v = v[p]; }
    return v;
  }
  function setPath(obj, path, value) {
    const ps = parts(path);
    let v = obj;
    for (let i = 0; i < ps.length - 1; i++) {
      if (v[ps[i]] == null) v[ps[i]] = typeof ps[i + 1] === "number" ? [] : {};
      v = v[ps[i]];
    }
    const last = ps[ps.length - 1];
    if (value === undefined) delete v[last]; else v[last] = value;
  }

  function readInput(el) {
    const t = el.dataset.type;
    if (t === "bool") return el.checked ? true : undefined;
    const raw = el.value.trim();
    if (raw === "") return undefined; // a missing key decodes to the zero value
    if (t === "int") { const n = Number(raw); return Number.isInteger(n) ? n : raw; }
    if (t === "list") return raw.split(/[\s,，、;；]+/).filter(Boolean);
    return raw;
  }
  function writeInput(el, v) {
    const t = el.dataset.type;
    if (t === "bool") { el.checked = v === true; return; }
    if (v === undefined || v === null) { el.value = ""; return; }
    el.value = Array.isArray(v) ? v.join("\n") : String(v);
  }

  // buildApp returns the application as DecodeApplication reads it.
  function buildApp() {
    const a = JSON.parse(JSON.stringify(state.app));
    (a.sites || []).forEach((s, i) => {
      if (state.same[i] !== false) s.manager = JSON.parse(JSON.stringify((a.subject && a.subject.owner) || {}));
    });
    const mats = [];
    for (const k of Object.keys(state.materials)) {
      const m = state.materials[k];
      if (m && m.path) mats.push(m.for ? { kind: m.kind, path: m.path, for: m.for } : { kind: m.kind, path: m.path });
    }
    if (mats.length) a.materials = mats;
    return a;
  }
  function options() { return { lang: D.lang, profile: state.opts.profile || "default", at: D.today }; }

  // --- sites and managers ------------------------------------------------
  function renderSites() {
    const list = $("#site-list"), mgrs = $("#managers");
    list.textContent = ""; mgrs.textContent = "";
    const tplS = $("#site-template").innerHTML, tplM = $("#manager-template").innerHTML;
    state.app.sites.forEach((_, i) => {
      list.insertAdjacentHTML("beforeend", tplS.replace(/#/g, String(i)));
      mgrs.insertAdjacentHTML("beforeend", tplM.replace(/#/g, String(i)));
      $(`fieldset.site[data-site="${i}"] [data-site-title]`).textContent = T.site_n.replace("%d", i + 1);
      $(`fieldset.manager[data-site="${i}"] [data-manager-title]`).textContent = T.manager_of.replace("%d", i + 1);
      const same = $(`#f-sites-${i}-manager-same`);
      same.checked = state.same[i] !== false;
      $(`fieldset.manager[data-site="${i}"] [data-manager-fields]`).hidden = same.checked;
    });
    $$("[data-remove-site]").forEach((b) => { b.hidden = state.app.sites.length < 2; });
    fill();
    showAppFields();
  }

  // An App's details show for the sites whose service type is an App.
  function showAppFields() {
    state.app.sites.forEach((s, i) => {
      const box = $(`fieldset.site[data-site="${i}"] [data-app-fields]`);
      if (box) box.hidden = s.service_type !== "app";
    });
  }

  function fill() {
    $$("[data-path]").forEach((el) => writeInput(el, getPath(state.app, el.dataset.path)));
    $("#f-profile").value = state.opts.profile || "default";
    $("#f-before").value = state.before || "";
  }

  // --- checking ------------------------------------------------------------
  let mode = "loading", wasmReady = false, timer = 0, seq = 0;
  const perf = { wasmLoadMs: null, lastCheckMs: null, pageLoadMs: null };

  function setMode(m) {
    mode = m;
    const el = $("#mode");
    el.dataset.mode = m;
    el.textContent = m === "wasm" ? T.mode_wasm : m === "server" ? T.mode_server : T.mode_loading;
  }

  async function loadWasm() {
    const t0 = performance.now();
    try {
      if (typeof WebAssembly !== "object" || typeof Go !== "function") throw new Error("no WebAssembly");
      const go = new Go();
      const resp = await fetch("/check.wasm");
      if (!resp.ok) throw new Error("no wasm: " + resp.status);
      const { instance } = await WebAssembly.instantiateStreaming(resp, go.importObject);
      go.run(instance);
      if (typeof globalThis.icpkitCheck !== "function") throw new Error("wasm did not start");
      wasmReady = true;
      perf.wasmLoadMs = performance.now() - t0;
      setMode("wasm");
    } catch (e) {
      setMode("server");
    }
    refreshForm();
    scheduleCheck(0);
  }

  async function check(appJSON) {
    const optsJSON = JSON.stringify(options());
    const t0 = performance.now();
    let res;
    if (wasmReady) {
      res = JSON.parse(globalThis.icpkitCheck(appJSON, optsJSON));
    } else {
      const r = await fetch("/api/check", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ application: JSON.parse(appJSON), options: options() }) });
      res = await r.json();
    }
    perf.lastCheckMs = performance.now() - t0;
    return res;
  }

  function scheduleCheck(delay) {
    clearTimeout(timer);
    timer = setTimeout(runCheck, delay === undefined ? 120 : delay);
  }

  let lastFindings = [];
  async function runCheck() {
    const my = ++seq;
    let res;
    try { res = await check(JSON.stringify(buildApp())); } catch (e) { return; }
    if (my !== seq) return;
    lastFindings = res.findings || [];
    if (res.error) lastFindings = [{ code: "decode", severity: "error", field: res.path || "", message: res.error }];
    $("#check-time").textContent = `(${T.check_time} ${perf.lastCheckMs.toFixed(1)} ms, ${mode})`;
    showFindings(lastFindings);
  }

  function sectionOf(field) {
    if (field === "filing_type" || field === "province") return "subject";
    if (field.startsWith("subject.owner")) return "people";
    if (field.startsWith("subject")) return "subject";
    if (/^sites\[\d+\]\.manager/.test(field)) return "people";
    if (field.startsWith("sites") || field.startsWith("resource")) return "sites";
    if (field.startsWith("materials")) return "materials";
    return "general";
  }

  // inputFor finds the control a finding's field belongs to: the path
  // itself, then without a trailing index, then its parents.
  function inputFor(field) {
    let p = field;
    while (p) {
      const el = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (el && !el.closest("[hidden]")) return el;
      const q = p.replace(/\[\d+\]$/, "");
      p = q !== p ? q : p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
    }
    return null;
  }

  function findingItem(f) {
    const li = document.createElement("li");
    li.className = "finding " + f.severity;
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = T["severity_" + f.severity] || f.severity;
    li.append(sev, " ", f.message);
    if (f.field) {
      const code = document.createElement("code");
      code.textContent = f.field;
      li.append(" ", code);
    }
    return li;
  }

  function showFindings(fs) {
    $$(".field-msg").forEach((n) => n.remove());
    $$("[aria-invalid]").forEach((n) => { n.removeAttribute("aria-invalid"); n.removeAttribute("aria-describedby"); });
    $$(".step-findings").forEach((ul) => { ul.textContent = ""; });
    const all = $('.step-findings[data-section="all"]');
    let n = 0;
    for (const f of fs) {
      all.append(findingItem(f));
      const el = f.field ? inputFor(f.field) : null;
      const touched = el && (state.touched[el.dataset.path] || state.submitted);
      if (el && touched) {
        const p = document.createElement("p");
        p.className = "field-msg finding " + f.severity;
        p.id = "msg-" + (n++);
        p.textContent = f.message;
        el.closest(".field").append(p);
        if (f.severity === "error") el.setAttribute("aria-invalid", "true");
        el.setAttribute("aria-describedby", ((el.getAttribute("aria-describedby") || "") + " " + p.id).trim());
      } else if (f.severity !== "info" && (state.submitted || !el)) {
        const ul = $(`.step-findings[data-section="${sectionOf(f.field || "")}"]`);
        if (ul) ul.append(findingItem(f));
      }
    }
    if (!fs.length) {
      const li = document.createElement("li");
      li.className = "finding ok";
      li.textContent = T.no_findings;
      all.append(li);
    }
  }

  // --- form metadata -----------------------------------------------------------
  let form = null;
  async function refreshForm() {
    const a = state.app;
    if (!a.province) { form = null; renderMaterials(); renderRules(); return; }
    const o = Object.assign(options(), { filing_type: a.filing_type || "first_filing", province: a.province, kind: (a.subject && a.subject.kind) || "enterprise" });
    try {
      if (wasmReady) form = JSON.parse(globalThis.icpkitForm(JSON.stringify(o)));
      else {
        const q = new URLSearchParams({ lang: D.lang, profile: o.profile, at: o.at, filing_type: o.filing_type, province: o.province, kind: o.kind });
        form = await (await fetch("/api/form?" + q)).json();
      }
    } catch (e) { form = null; }
    if (form && form.error) form = null;
    applyForm();
  }

  function applyForm() {
    const fields = new Map(((form && form.fields) || []).map((f) => [f.path, f]));
    $$("[data-path]").forEach((el) => {
      const generic = el.dataset.path.replace(/\[\d+\]/g, "[]");
      const f = fields.get(generic);
      const label = el.id && $(`label[for="${el.id}"]`);
      if (label) {
        let mark = $(".req", label);
        if (!mark) { mark = document.createElement("span"); mark.className = "req"; label.append(mark); }
        mark.textContent = f && f.required ? T.lp + T.required + (f.when ? ": " + f.when_text : "") + T.rp : "";
      }
      if (f && f.required && !f.when) el.setAttribute("aria-required", "true"); else el.removeAttribute("aria-required");
      if (f && f.max_length) el.setAttribute("maxlength", String(f.max_length));
    });
    // Fields a filing type or kind does not have.
    $$("[data-field]").forEach((div) => { div.hidden = !!form && !fields.has(div.dataset.field); });
    // Certificates the kind accepts.
    if (form && form.certificates) {
      const ok = new Set(form.certificates.map((c) => c.value));
      $$("#f-subject-certificate-type option").forEach((o) => { o.hidden = o.value !== "" && !ok.has(o.value); });
    }
    $("#before-field").hidden = !["change_subject", "change_site", "change_access", "change_all", "new_site", "new_access"].includes(state.app.filing_type);
    renderRules();
    renderMaterials();
  }

  function renderRules() {
    const ul = $("#rules-list");
    ul.textContent = "";
    for (const r of (form && form.rules) || []) {
      const li = document.createElement("li");
      li.textContent = `${r.name}: ${r.value_text}`;
      if (r.status === "UNCERTAIN") li.className = "uncertain";
      li.title = r.source;
      ul.append(li);
    }
    $("#rules").hidden = !ul.children.length;
  }

  function forLabel(path) {
    if (path === "subject.owner") return T.owner;
    if (path === "subject") return T.step_subject;
    let m = /^sites\[(\d+)\]\.manager$/.exec(path);
    if (m) return T.manager_of.replace("%d", Number(m[1]) + 1);
    m = /^sites\[(\d+)\]$/.exec(path);
    if (m) return T.site_n.replace("%d", Number(m[1]) + 1);
    return "—";
  }

  function renderMaterials() {
    const ul = $("#material-list");
    ul.textContent = "";
    const rows = [];
    for (const m of (form && form.materials) || []) {
      if (m.for && m.for.startsWith("sites[]")) {
        state.app.sites.forEach((_, i) => rows.push(Object.assign({}, m, { for: m.for.replace("sites[]", `sites[${i}]`) })));
      } else rows.push(m);
    }
    rows.forEach((m, i) => {
      const key = m.kind + "|" + (m.for || "");
      const li = document.createElement("li");
      li.className = "material";
      const id = "upload-" + i;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = `${m.name} — ${T.material_for}: ${forLabel(m.for || "")}` + T.lp + (m.when ? m.when_text : T.required) + T.rp;
      const input = document.createElement("input");
      input.type = "file"; input.id = id; input.accept = "image/jpeg,image/png,.jpg,.jpeg,.png,.pdf,.mp4";
      input.dataset.kind = m.kind; input.dataset.for = m.for || "";
      const out = document.createElement("div");
      out.className = "upload-result"; out.id = id + "-result"; out.setAttribute("aria-live", "polite");
      input.setAttribute("aria-describedby", out.id);
      li.append(label, input, out);
      ul.append(li);
      const prev = state.materials[key];
      if (prev && prev.result) {
        showUpload(out, prev.result);
        if (prev.lang !== D.lang || prev.profile !== (state.opts.profile || "default")) reinspect(key, out);
      }
      input.addEventListener("change", () => upload(input, key, out));
    });
  }

  function showUpload(out, r) {
    out.textContent = "";
    const p = document.createElement("p");
    p.className = "upload-summary";
    p.textContent = `${r.name}: ${r.summary}`;
    out.append(p);
    const ul = document.createElement("ul");
    for (const f of r.findings || []) ul.append(findingItem(f));
    if (!(r.findings || []).length) { const li = document.createElement("li"); li.className = "finding ok"; li.textContent = T.no_findings; ul.append(li); }
    out.append(ul);
  }

  // reinspect asks for a kept upload's findings in this page's language and
  // profile.
  async function reinspect(key, out) {
    const m = state.materials[key];
    const fd = new FormData();
    fd.append("kind", m.kind); fd.append("profile", state.opts.profile || "default"); fd.append("name", m.result.name || "");
    try {
      const r = await fetch(`/api/upload/${encodeURIComponent(m.path)}?lang=${encodeURIComponent(D.lang)}`, { method: "POST", body: fd });
      const res = await r.json();
      if (!r.ok) { delete state.materials[key]; save(); out.textContent = res.error; scheduleCheck(); return; }
      Object.assign(m, { result: res, lang: D.lang, profile: state.opts.profile || "default" });
      save();
      showUpload(out, res);
    } catch (e) { /* keep the earlier result */ }
  }

  async function upload(input, key, out) {
    const file = input.files && input.files[0];
    if (!file) return;
    out.textContent = T.uploading;
    const fd = new FormData();
    fd.append("file", file); fd.append("kind", input.dataset.kind); fd.append("profile", state.opts.profile || "default");
    try {
      const r = await fetch("/api/upload?lang=" + encodeURIComponent(D.lang), { method: "POST", body: fd });
      const res = await r.json();
      if (!r.ok) { out.textContent = res.error || String(r.status); return; }
      state.materials[key] = { kind: input.dataset.kind, for: input.dataset.for, path: res.id, result: res, lang: D.lang, profile: state.opts.profile || "default" };
      save();
      showUpload(out, res);
      scheduleCheck();
    } catch (e) { out.textContent = T.network_error; }
  }

  // --- steps and submit -------------------------------------------------------------
  function showStep(name) {
    if (!STEPS.includes(name)) name = "subject";
    STEPS.forEach((s) => {
      $("#" + s).hidden = s !== name;
      const a = $(`a[data-step="${s}"]`);
      if (s === name) a.setAttribute("aria-current", "step"); else a.removeAttribute("aria-current");
    });
    $("#prev").disabled = name === STEPS[0];
    $("#next").hidden = name === STEPS[STEPS.length - 1];
    state.step = name;
    save();
  }

  async function submit() {
    state.submitted = true;
    save();
    const err = $("#submit-error");
    err.textContent = "";
    $("#submit").disabled = true;
    $("#submit").textContent = T.submitting;
    try {
      const body = { application: buildApp(), options: options() };
      const before = (state.before || "").trim();
      if (before && !$("#before-field").hidden) {
        try { body.before = JSON.parse(before); } catch (e) { err.textContent = "JSON: " + e.message; return; }
      }
      const r = await fetch("/api/submit", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const res = await r.json();
      if (!r.ok) { err.textContent = res.error + (res.path ? ` (${res.path})` : ""); return; }
      showReport(res);
    } catch (e) {
      err.textContent = T.network_error;
    } finally {
      $("#submit").disabled = false;
      $("#submit").textContent = T.submit;
      runCheck();
    }
  }

  function showReport(res) {
    $("#report").hidden = false;
    $("#report-summary").textContent = res.ok ? T.report_ok : T.report_bad.replace("%d", res.errors).replace("%d", res.warnings);
    const box = $("#report-sections");
    box.textContent = "";
    for (const s of res.sections || []) {
      const h = document.createElement("h4");
      h.textContent = `${s.title} (${s.findings.length})`;
      const ul = document.createElement("ul");
      ul.className = "report-section";
      ul.dataset.section = s.key;
      s.findings.forEach((f) => ul.append(findingItem(f)));
      box.append(h, ul);
    }
    $("#footer-note").textContent = res.footer_example ? T.footer_example : "";
    $("#footer-preview").innerHTML = res.footer_html || ""; // rendered by icp.Footer, escaped there
    $("#footer-code").value = res.footer_html || "";
    const plan = $("#plan"), pl = $("#plan-list");
    pl.textContent = "";
    plan.hidden = !res.plan && !res.plan_error;
    if (res.plan_error) { const li = document.createElement("li"); li.className = "finding error"; li.textContent = res.plan_error; pl.append(li); }
    if (res.plan) {
      if (!(res.plan.actions || []).length) { const li = document.createElement("li"); li.textContent = T.plan_none; pl.append(li); }
      for (const a of res.plan.actions || []) {
        const li = document.createElement("li");
        li.textContent = `${a.type}${a.site ? " · " + a.site : ""}: ${a.reason.message}`;
        pl.append(li);
      }
    }
    $("#report").scrollIntoView();
  }

  // --- wiring ---------------------------------------------------------------
  const form_ = $("#wizard");
  form_.addEventListener("input", (e) => {
    const el = e.target;
    if (el.dataset.path) {
      setPath(state.app, el.dataset.path, readInput(el));
      state.touched[el.dataset.path] = true;
      save();
      if (["province", "subject.kind", "filing_type"].includes(el.dataset.path)) refreshForm();
      if (/^sites\[\d+\]\.service_type$/.test(el.dataset.path)) showAppFields();
      scheduleCheck();
    } else if (el.dataset.opt === "profile") {
      state.opts.profile = el.value; save(); refreshForm(); scheduleCheck();
    } else if (el.dataset.opt === "before") {
      state.before = el.value; save();
    } else if (el.dataset.same !== undefined) {
      const i = Number(el.dataset.same);
      state.same[i] = el.checked;
      $(`fieldset.manager[data-site="${i}"] [data-manager-fields]`).hidden = el.checked;
      save(); scheduleCheck();
    }
  });
  form_.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  form_.addEventListener("click", (e) => {
    const b = e.target.closest("[data-remove-site]");
    if (!b) return;
    const i = Number(b.closest("fieldset").dataset.site);
    state.app.sites.splice(i, 1); state.same.splice(i, 1);
    save(); renderSites(); applyForm(); scheduleCheck();
  });
  $("#add-site").addEventListener("click", () => {
    state.app.sites.push({ service_type: "website", access: {} });
    state.same.push(true);
    save(); renderSites(); applyForm(); scheduleCheck();
  });
  $("#prev").addEventListener("click", () => { location.hash = STEPS[Math.max(0, STEPS.indexOf(state.step) - 1)]; });
  $("#next").addEventListener("click", () => { location.hash = STEPS[Math.min(STEPS.length - 1, STEPS.indexOf(state.step) + 1)]; });
  $("#reset").addEventListener("click", () => { state = fresh(); save(); renderSites(); refreshForm(); showStep("subject"); location.hash = "subject"; scheduleCheck(0); });
  window.addEventListener("hashchange", () => showStep(location.hash.slice(1)));

  renderSites();
  showStep(location.hash.slice(1) || state.step || "subject");
  setMode("loading");
  window.addEventListener("load", () => {
    const nav = performance.getEntriesByType("navigation")[0];
    perf.pageLoadMs = nav ? nav.loadEventStart : performance.now();
  });
  // Seen by the browser tests.
  window.icpkitPanel = { buildApp, options, check, perf, get mode() { return mode; }, get findings() { return lastFindings; }, ready: false };
  loadWasm().then(() => { window.icpkitPanel.ready = true; });
})();
