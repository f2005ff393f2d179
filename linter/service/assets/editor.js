// reslint editor: check a pasted or dropped text, mark its findings, fix, download, copy JSON.
// Talks to the server with relative URLs (works under a reverse proxy's path prefix).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const input = $("input");
  const state = { name: "resolution.txt", report: null, findings: [], busy: false };

  function status(message, isError) {
    const line = $("status");
    line.textContent = message;
    line.className = isError ? "error" : "";
  }

  function enable(ready) {
    for (const id of ["fix", "download", "copy-json"]) $(id).disabled = !ready || state.busy;
    $("check").disabled = state.busy;
  }

  async function post(url, body, contentType) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType || "application/json" },
      body: body,
    });
    const kind = response.headers.get("content-type") || "";
    const data = kind.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const message = data && data.error ? data.error.message : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return { data: data, outcome: response.headers.get("reslint-outcome") };
  }

  function request(extra) {
    const body = Object.assign({ text: input.value, name: state.name }, extra || {});
    const language = $("language").value;
    if (language) body.language = language;
    return JSON.stringify(body);
  }

  function count(number, word, plural) {
    return `${number} ${number === 1 ? word : plural || word + "s"}`;
  }

  function drawSummary(report) {
    const summary = report.summary;
    const bySeverity = summary.by_severity;
    const fixable = state.findings.filter((f) => f.fix && f.fix.applicability === "safe").length;
    const box = $("summary");
    box.textContent = "";
    const line = document.createElement("p");
    line.className = "counts";
    line.dataset.findings = String(summary.findings);
    line.dataset.fixable = String(fixable);
    line.textContent =
      `${count(summary.findings, "finding")}: ${bySeverity.error || 0} errors, ` +
      `${bySeverity.warning || 0} warnings; ${fixable} fixable by "Apply safe fixes"`;
    box.appendChild(line);
    const rules = document.createElement("p");
    rules.className = "rules";
    rules.textContent = Object.entries(summary.by_rule)
      .map(([rule, n]) => `${rule} ${n}`)
      .join(" · ");
    box.appendChild(rules);
  }

  function showFinding(index, scroll) {
    const finding = state.findings[index];
    if (!finding) return;
    const detail = $("detail");
    detail.hidden = false;
    detail.textContent = "";
    const head = document.createElement("strong");
    head.textContent = `${finding.rule} ${finding.name} (${finding.severity}) ` +
      `line ${finding.line}, column ${finding.column}`;
    const message = document.createElement("p");
    message.textContent = finding.message;
    detail.append(head, message);
    if (finding.fix) {
      const fix = document.createElement("p");
      fix.className = "meta";
      fix.textContent = `fix: ${finding.fix.applicability}`;
      detail.appendChild(fix);
    }
    const mark = document.querySelector(`#src mark[data-f~="${index}"]`);
    if (mark && scroll) {
      mark.scrollIntoView({ block: "center" });
      mark.classList.add("flash");
      setTimeout(() => mark.classList.remove("flash"), 1200);
    }
  }

  function drawFindings(layout) {
    const list = $("findings");
    list.textContent = "";
    state.findings.forEach((finding, index) => {
      const item = document.createElement("li");
      item.className = finding.severity + (layout.has(index) ? " lay" : "");
      item.dataset.index = String(index);
      item.dataset.rule = finding.rule;
      const where = document.createElement("a");
      where.href = "#src";
      where.textContent = `${finding.line}:${finding.column}`;
      where.addEventListener("click", (event) => {
        event.preventDefault();
        showFinding(index, true);
      });
      const text = document.createElement("span");
      text.textContent = ` ${finding.rule} ${finding.message}`;
      item.append(where, text);
      list.appendChild(item);
    });
  }

  function draw(view) {
    state.report = view.report;
    const file = view.report.files[0];
    state.findings = file ? file.findings : [];
    $("src").innerHTML = view.html; // the server's escaped rendering of the text
    drawSummary(view.report);
    drawFindings(new Set(view.layout));
    $("detail").hidden = true;
  }

  async function check() {
    if (!input.value) {
      status("Paste a text or open a file first.", true);
      return;
    }
    state.busy = true;
    enable(false);
    status("Checking…");
    try {
      const answer = await post("editor/check", request());
      draw(answer.data);
      const n = answer.data.report.summary.findings;
      status(n ? `Checked: ${count(n, "finding")}.` : "Checked: no findings.");
      state.busy = false;
      enable(true);
    } catch (error) {
      state.busy = false;
      enable(false);
      status(error.message, true);
    }
  }

  async function fix() {
    state.busy = true;
    enable(false);
    status("Fixing…");
    try {
      const result = (await post("v1/fix", request())).data;
      state.busy = false;
      if (result.refused) {
        enable(true);
        status(`Not fixed: ${result.refused}`, true);
        return;
      }
      input.value = result.text;
      await check();
      status(`${count(result.applied, "fix", "fixes")} applied; ` +
        `${count(result.remaining.length, "finding")} left.`);
    } catch (error) {
      state.busy = false;
      enable(true);
      status(error.message, true);
    }
  }

  function download() {
    const blob = new Blob([input.value], { type: "text/plain;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = state.name.startsWith("<") ? "resolution.txt" : state.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function copyJson() {
    const json = JSON.stringify(state.report, null, 2);
    try {
      await navigator.clipboard.writeText(json);
    } catch (error) {
      const area = document.createElement("textarea");
      area.value = json;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    status("The JSON report is on the clipboard.");
  }

  async function open(file) {
    state.name = file.name || "resolution.txt";
    $("name").textContent = state.name;
    const bytes = await file.arrayBuffer();
    try {
      input.value = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      // Let the server say where: its message names the first bad byte.
      try {
        await post("editor/check", bytes, "text/plain; charset=utf-8");
      } catch (answer) {
        status(`${state.name}: ${answer.message}`, true);
      }
      return;
    }
    await check();
  }

  $("check").addEventListener("click", check);
  $("fix").addEventListener("click", fix);
  $("download").addEventListener("click", download);
  $("copy-json").addEventListener("click", copyJson);
  $("file").addEventListener("change", (event) => {
    if (event.target.files.length) open(event.target.files[0]);
  });
  $("show-layout").addEventListener("change", (event) => {
    $("src").classList.toggle("hide-layout", !event.target.checked);
    $("findings").classList.toggle("hide-layout", !event.target.checked);
  });
  $("src").addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-f]");
    if (mark) showFinding(Number(mark.dataset.f.split(" ").pop()), false);
  });
  input.addEventListener("input", () => enable(false));
  for (const type of ["dragenter", "dragover"]) {
    input.addEventListener(type, (event) => {
      event.preventDefault();
      input.classList.add("dropping");
    });
  }
  input.addEventListener("dragleave", () => input.classList.remove("dropping"));
  input.addEventListener("drop", (event) => {
    event.preventDefault();
    input.classList.remove("dropping");
    if (event.dataTransfer.files.length) open(event.dataTransfer.files[0]);
  });
  enable(false);
})();
