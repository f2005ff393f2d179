/* reslint audit report: the table of documents and the page of each document.
   Reads the index (#audit-data) once; a document's block (#d<index>) is parsed and drawn
   only when the document is opened. No network, no library. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("audit-data").textContent);
  var PAGE = 100;
  var LIST_LIMIT = 1500;
  var docs = data.docs;
  var byIndex = {};
  docs.forEach(function (d, position) { d.pos = position; byIndex[d.i] = d; });
  var families = Object.keys(data.families);
  var state = { text: "", family: "", rule: "", severity: "", language: "", sort: "", dir: 1, shown: PAGE };
  var current = docs.slice();
  var $ = function (id) { return document.getElementById(id); };

  function esc(value) {
    return String(value).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function visible(value) {
    if (value === "") return '<span class="ws">∅</span>';
    return esc(value).replace(/ /g, '<span class="ws">·</span>')
      .replace(/\n/g, '<span class="ws">↵</span>').replace(/\t/g, '<span class="ws">→</span>');
  }

  /* ---- the table of documents ---- */
  var columns = [
    { key: "path", label: "document", value: function (d) { return d.p; } },
    { key: "lang", label: "lang", wide: true, value: function (d) { return d.l; } },
    { key: "errors", label: "errors", num: true, value: function (d) { return d.e; } },
    { key: "findings", label: "findings", num: true, value: function (d) { return state.rule ? (d.r[state.rule] || 0) : d.n; } }
  ].concat(families.map(function (f) {
    return { key: "fam-" + f, label: f, title: data.families[f], num: true, wide: true, value: function (d) { return d.fa[f] || 0; } };
  })).concat([
    { key: "operative", label: "operative", num: true, wide: true, value: function (d) { return d.op === undefined ? -1 : d.op; } },
    { key: "notes", label: "notes · markers", wide: true, value: function (d) { return d.nt === undefined ? -1 : d.nt; } },
    { key: "adoption", label: "adoption", value: function (d) { return d.ad || ""; } }
  ]);

  function header() {
    return "<tr>" + columns.map(function (c) {
      var sort = state.sort === c.key ? (state.dir > 0 ? "ascending" : "descending") : "none";
      var label = c.key === "findings" && state.rule ? state.rule + " findings" : c.label;
      return '<th data-sort="' + c.key + '" aria-sort="' + sort + '"' +
        (c.num ? ' class="n' + (c.wide ? " wide" : "") + '"' : (c.wide ? ' class="wide"' : "")) +
        (c.title ? ' title="' + esc(c.title) + '"' : "") + ">" + esc(label) + "</th>";
    }).join("") + "</tr>";
  }

  function health(d) {
    if (d.x) return ['<td colspan="3" class="bad">' + esc(d.x) + "</td>"];
    if (d.op === undefined) return ['<td class="dim" colspan="3">no text</td>'];
    var operative = d.op + (d.miss ? ' <span class="bad">' + d.miss + " missing</span>" : "");
    var notes = d.nt + " · " + d.mk + (d.um ? ' <span class="bad">' + d.um + " unmatched</span>" : "");
    var adoption = d.ad ? esc(d.ad) + (d.mt ? ' <span class="dim">mtg ' + d.mt + "</span>" : "") :
      (d.st ? '<span class="bad">not found</span>' : '<span class="dim">–</span>');
    return ['<td class="n wide">' + operative + "</td>", '<td class="wide">' + notes + "</td>", "<td>" + adoption + "</td>"];
  }

  function row(d) {
    var sub = [d.s, d.t].filter(Boolean).join(" · ");
    var cells = [
      '<td class="path"><a href="#doc=' + d.i + '">' + esc(d.p) + "</a>" + (sub ? "<small>" + esc(sub) + "</small>" : "") + "</td>",
      '<td class="wide">' + esc(d.l) + "</td>",
      '<td class="n' + (d.e ? " bad" : "") + '">' + fmt(d.e) + "</td>",
      '<td class="n">' + fmt(state.rule ? (d.r[state.rule] || 0) : d.n) + "</td>"
    ];
    families.forEach(function (f) { cells.push('<td class="n wide">' + (d.fa[f] ? fmt(d.fa[f]) : '<span class="dim">·</span>') + "</td>"); });
    return '<tr data-index="' + d.i + '">' + cells.concat(health(d)).join("") + "</tr>";
  }

  function matches(d) {
    if (state.family && !d.fa[state.family]) return false;
    if (state.rule && !d.r[state.rule]) return false;
    if (state.language && d.l !== state.language) return false;
    if (state.severity === "clean" && (d.n || d.x)) return false;
    if (state.severity === "error" && !d.e) return false;
    if (state.severity === "warning" && !d.w) return false;
    if (state.severity === "info" && !d["in"]) return false;
    if (state.text) {
      var hay = (d.p + " " + (d.s || "") + " " + (d.t || "")).toLowerCase();
      if (hay.indexOf(state.text) < 0) return false;
    }
    return true;
  }

  function refresh() {
    current = docs.filter(matches);
    if (state.sort) {
      var column = columns.filter(function (c) { return c.key === state.sort; })[0];
      current.sort(function (a, b) {
        var x = column.value(a), y = column.value(b);
        return (x < y ? -1 : x > y ? 1 : a.pos - b.pos) * (x === y ? 1 : state.dir);
      });
    }
    draw();
  }

  function draw() {
    var table = $("doc-table");
    table.tHead.innerHTML = header();
    table.tBodies[0].innerHTML = current.slice(0, state.shown).map(row).join("");
    var shown = Math.min(state.shown, current.length);
    $("doc-count").textContent = "Showing " + fmt(shown) + " of " + fmt(current.length) +
      " matching documents (" + fmt(docs.length) + " in the report)" + (state.sort ? "" : ", worst first");
    $("more").hidden = shown >= current.length;
  }

  function bindFilters() {
    var map = { "f-family": "family", "f-rule": "rule", "f-severity": "severity", "f-language": "language" };
    Object.keys(map).forEach(function (id) {
      $(id).addEventListener("change", function () { state[map[id]] = this.value; state.shown = PAGE; refresh(); });
    });
    $("f-text").addEventListener("input", function () { state.text = this.value.trim().toLowerCase(); state.shown = PAGE; refresh(); });
    $("more").addEventListener("click", function () { state.shown += PAGE; draw(); });
    $("doc-table").tHead.addEventListener("click", function (event) {
      var th = event.target.closest("th[data-sort]");
      if (!th) return;
      var key = th.getAttribute("data-sort");
      if (state.sort === key) { state.dir = -state.dir; } else { state.sort = key; state.dir = key === "path" || key === "lang" ? 1 : -1; }
      refresh();
    });
    window.addEventListener("beforeprint", function () {
      if (!$("documents").hidden) { state.shown = current.length; draw(); }
    });
  }

  /* ---- the page of one document ---- */
  var page = null;

  function chipList(items) { return '<ul class="chips">' + items.join("") + "</ul>"; }
  function lineChip(label, line, css) {
    return '<li><a href="#" class="chip' + (css ? " " + css : "") + '" data-line="' + line + '">' + esc(label) + "</a></li>";
  }

  function missingChip(numbers) {
    var label = numbers.length > 3 ? numbers[0] + "–" + numbers[numbers.length - 1] : numbers.join(", ");
    return '<li><span class="chip missing" title="' + (numbers.length === 1 ? "paragraph " : "paragraphs ") + label +
      ' missing">' + label + " missing</span></li>";
  }

  function operativeChips(o) {
    var items = [], issues = {};
    o.numbering.forEach(function (a) { issues[a[1]] = a; });
    o.operative.forEach(function (p) {
      var n = p[0], issue = issues[p[1]];
      if (issue && issue[0] === "gap" && issue[2].length) items.push(missingChip(issue[2]));
      var css = issue && issue[0] !== "gap" ? "repeated" : "";
      var title = issue && issue[0] !== "gap" ? " (" + issue[0] + ")" : "";
      items.push(lineChip((n === null ? "–" : String(n)) + title, p[1], css));
    });
    return items.length ? chipList(items) : '<span class="bad">none found</span>';
  }

  function outlineHtml(o) {
    if (!o) return "<p class=\"dim\">No outline: the text could not be read.</p>";
    var rows = [];
    function add(label, value) { rows.push("<dt>" + esc(label) + "</dt><dd>" + value + "</dd>"); }
    if (!o.structured) rows.push('<dt>structure</dt><dd class="bad">no resolution structure recognised</dd>');
    add("symbol", o.symbol ? esc(o.symbol) : '<span class="dim">–</span>');
    add("number", o.number ? esc(o.number) : '<span class="dim">–</span>');
    if (o.title) add("title", esc(o.title));
    add("preamble", o.preamble.length + " paragraph" + (o.preamble.length === 1 ? "" : "s") +
      (o.preamble.length ? " " + chipList([lineChip("line " + o.preamble[0], o.preamble[0])]) : ""));
    add("operative", operativeChips(o));
    if (o.sections.length) add("parts", chipList(o.sections.map(function (s) { return lineChip(s[0] + (s[1] ? " " + s[1] : ""), s[2]); })));
    if (o.annexes.length) add("annexes", o.annexes.length + " paragraphs");
    var unreferenced = {};
    o.unreferenced_notes.forEach(function (n) { unreferenced[n] = true; });
    add("notes", o.notes.length ? chipList(o.notes.map(function (n) {
      return lineChip(String(n[0]), n[1], unreferenced[n[0]] ? "missing" : "");
    })) : '<span class="dim">none</span>');
    add("markers", o.markers.length + " marker" + (o.markers.length === 1 ? "" : "s") +
      (o.unmatched_markers.length ? ' · <span class="bad">no note for ' + o.unmatched_markers.join(", ") + "</span>"
        : (o.markers.length ? ' · <span class="ok">all with a note</span>' : "")));
    var a = o.adoption;
    add("adoption", a.date || a.meeting ? esc(a.date || "no date") + (a.meeting ? " · meeting " + a.meeting : "") +
      (a.line ? " " + chipList([lineChip("line " + a.line, a.line)]) : "") :
      '<span class="bad">not found</span>');
    return '<section class="outline"><h3>Outline</h3><dl>' + rows.join("") + "</dl></section>";
  }

  function fixHtml(f) {
    if (!f[7]) return "";
    var edits = f[8].slice(0, 4).map(function (e) { return "<del>" + visible(e[0]) + "</del> → <ins>" + visible(e[1]) + "</ins>"; });
    var more = f[8].length > 4 ? " (and " + (f[8].length - 4) + " more edits)" : "";
    return '<p class="fixline">' + (f[7] === "safe" ? "fix" : "unsafe fix") + ": " + edits.join("; ") + more + "</p>";
  }

  function findingHtml(f, k) {
    var rule = data.rules[f[0]] || { name: "", docs: {} };
    return '<li data-k="' + k + '"><span class="where">' + f[3] + ":" + f[4] + '</span><span class="code">' + esc(f[0]) +
      '</span><span class="sev ' + esc(f[1]) + '">' + esc(f[1]) + "</span> " + esc(f[2]) + fixHtml(f) +
      '<details class="docs" data-rule="' + esc(f[0]) + '"><summary>' + esc(rule.name) + "</summary></details></li>";
  }

  function docsHtml(code) {
    var rule = data.rules[code];
    if (!rule) return "";
    var parts = ["<p>" + esc(rule.summary) + "</p>"];
    Object.keys(rule.docs).forEach(function (name) {
      var body = rule.docs[name];
      var block = name === "Example" || name === "Use instead";
      parts.push("<p><b>" + esc(name) + "</b></p>" + (block ? "<pre>" + esc(body) + "</pre>" : "<p>" + esc(body) + "</p>"));
    });
    parts.push("<p class=\"dim\">reslint rule " + esc(code) + "</p>");
    return parts.join("");
  }

  function findingsHtml(p, showLayout) {
    var shown = [], layout = [], byRule = {};
    p.f.forEach(function (f, k) {
      if (f[9]) { layout.push(k); byRule[f[0]] = (byRule[f[0]] || 0) + 1; } else { shown.push(k); }
    });
    var html = '<section class="findings"><h3>Findings (' + fmt(p.f.length) + ")</h3>";
    if (layout.length) {
      var counts = Object.keys(byRule).sort().map(function (r) { return r + " " + fmt(byRule[r]); }).join(" · ");
      html += '<p class="fold" id="layout-fold">' + fmt(layout.length) + " layout repair" + (layout.length === 1 ? "" : "s") +
        " (" + counts + "): <code>reslint fix</code> makes them. " +
        '<button type="button" id="toggle-layout">' + (showLayout ? "Fold them" : "Show them") + "</button></p>";
    }
    var list = showLayout ? p.f.map(function (f, k) { return k; }) : shown;
    html += "<ol>" + list.slice(0, LIST_LIMIT).map(function (k) { return findingHtml(p.f[k], k); }).join("") + "</ol>";
    if (list.length > LIST_LIMIT) html += '<p class="dim">and ' + fmt(list.length - LIST_LIMIT) + " more, marked in the text</p>";
    if (!p.f.length) html += '<p class="ok">No finding.</p>';
    return html + "</section>";
  }

  function openDoc(index) {
    var block = $("d" + index), d = byIndex[index];
    if (!block || !d) { showList(); return; }
    var p = JSON.parse(block.textContent);
    page = { index: index, data: p, showLayout: false, lines: null };
    var position = current.indexOf(d);
    var previous = position > 0 ? current[position - 1] : null;
    var next = position >= 0 && position < current.length - 1 ? current[position + 1] : null;
    var chips = ['<li class="chip">' + fmt(d.e) + " errors</li>", '<li class="chip">' + fmt(d.w) + " warnings</li>",
      '<li class="chip">' + fmt(d.fx) + " fixable by <code>reslint fix</code></li>"];
    var meta = [d.s, d.l, d.t].filter(Boolean).map(esc).join(" · ");
    var html = '<nav class="crumbs"><a href="#documents">← all documents</a>' +
      (previous ? '<a href="#doc=' + previous.i + '">previous</a>' : "") + (next ? '<a href="#doc=' + next.i + '">next</a>' : "") +
      "</nav><h2>" + esc(d.p) + '</h2><p class="docmeta">' + meta + "</p>" + chipList(chips) +
      '<div class="docgrid"><div class="textcol">' +
      (p.h === null ? '<p class="why">' + esc(p.why) + "</p>" : '<pre class="src hide-layout" id="src"></pre>') +
      "</div><aside>" + outlineHtml(p.o) + '<div id="findings"></div></aside></div>';
    var section = $("doc");
    section.innerHTML = html;
    if (p.h !== null) $("src").innerHTML = p.h;
    drawFindings();
    $("overview").hidden = true; $("documents").hidden = true; section.hidden = false;
    window.scrollTo(0, 0);
  }

  function drawFindings() {
    $("findings").innerHTML = findingsHtml(page.data, page.showLayout);
    var src = $("src");
    if (src) src.classList.toggle("hide-layout", !page.showLayout);
  }

  function scrollToLine(line) {
    var src = $("src");
    if (!src) return;
    page.lines = page.lines || src.querySelectorAll(".ln");
    var anchor = page.lines[line - 1];
    if (anchor) anchor.scrollIntoView({ block: "center" });
  }

  function flash(k) {
    var src = $("src");
    if (!src) return;
    if (page.data.f[k][9] && !page.showLayout) { page.showLayout = true; drawFindings(); }
    var marks = src.querySelectorAll('mark[data-f~="' + k + '"]');
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: "center" });
    Array.prototype.forEach.call(marks, function (m) { m.classList.add("flash"); });
    setTimeout(function () { Array.prototype.forEach.call(marks, function (m) { m.classList.remove("flash"); }); }, 1600);
  }

  function showCard(keys) {
    var card = $("card");
    if (!card) { card = document.createElement("div"); card.id = "card"; document.body.appendChild(card); }
    card.innerHTML = '<button type="button" class="close" aria-label="close">×</button><ol class="findings">' +
      keys.map(function (k) { return findingHtml(page.data.f[k], k); }).join("") + "</ol>";
    card.hidden = false;
  }

  function bindDocument() {
    var section = $("doc");
    section.addEventListener("click", function (event) {
      var target = event.target;
      if (target.id === "toggle-layout") { page.showLayout = !page.showLayout; drawFindings(); return; }
      var chip = target.closest("[data-line]");
      if (chip) { event.preventDefault(); scrollToLine(Number(chip.getAttribute("data-line"))); return; }
      var mark = target.closest("mark[data-f]");
      if (mark) {
        var keys = mark.getAttribute("data-f").split(" ").map(Number).filter(function (k) {
          return page.showLayout || !page.data.f[k][9];
        });
        if (keys.length) showCard(keys);
        return;
      }
      var item = target.closest("#findings li[data-k]");
      if (item && !target.closest("details")) flash(Number(item.getAttribute("data-k")));
    });
    document.addEventListener("toggle", function (event) {
      var details = event.target;
      if (details.matches && details.matches("details.docs") && details.open && !details.getAttribute("data-filled")) {
        details.insertAdjacentHTML("beforeend", docsHtml(details.getAttribute("data-rule")));
        details.setAttribute("data-filled", "1");
      }
    }, true);
    document.addEventListener("click", function (event) {
      if (event.target.closest("#card .close")) $("card").hidden = true;
    });
  }

  function showList() {
    $("doc").hidden = true; $("overview").hidden = false; $("documents").hidden = false;
    var card = $("card");
    if (card) card.hidden = true;
  }

  function route() {
    var hash = location.hash;
    var doc = /^#doc=(\d+)$/.exec(hash);
    if (doc) { openDoc(Number(doc[1])); return; }
    var rule = /^#rule=([A-Z]\d{3})$/.exec(hash);
    showList();
    if (rule) {
      state.rule = rule[1]; $("f-rule").value = rule[1]; state.shown = PAGE; refresh();
      $("documents").scrollIntoView();
    } else if (hash === "#documents" || hash === "#overview") {
      $(hash.slice(1)).scrollIntoView();
    }
  }

  bindFilters();
  bindDocument();
  refresh();
  window.addEventListener("hashchange", route);
  route();
})();
