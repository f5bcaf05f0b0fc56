// Sourcecheck's sourcing panel for a CMS editor: audits the editor's text when
// the writer pauses, highlights each quotation by source type over the text
// and lists the findings with their suggestions. It never changes the
// editor's content; no framework, no inline script or style (strict CSP safe).
import { SourcecheckClient, OffsetMap, contentHash, utf16Span, ProblemError } from "../src/index.js";
import { SOURCE_TYPES, rebase, runs } from "./anchors.js";

const LABELS = { named: "Named", anonymous: "Anonymous", institutional: "Institutional", unattributed: "Unattributed" };
const STATUS = {
  idle: "Start writing: quotations are checked when you pause.",
  waiting: "Waiting for a pause in typing…",
  checking: "Checking sources…",
  done: "Sources checked.",
};

/**
 * Attach the panel to an editor.
 * @param {import("./panel.js").PanelOptions} options
 * @returns {import("./panel.js").Panel}
 */
export function mountPanel(options) {
  const { editor, panel, format = "text", policy, debounce = 700, onReport } = options;
  if (!editor || !panel) throw new TypeError("mountPanel needs an editor and a panel element");
  const client = options.client || new SourcecheckClient({
    baseUrl: options.apiUrl, apiKey: options.apiKey, authScheme: options.authScheme, timeout: options.timeout,
  });
  const surface = editor.tagName === "TEXTAREA" ? textareaSurface(editor) : richSurface(editor);
  const view = panelView(panel, (i) => surface.select(i));

  let timer = null;
  let inflight = null; // the AbortController of the request in flight
  let generation = 0; // bumped on every edit: an older audit's answer is stale
  let shown = null; // {key, report}: what the highlights and list show
  let lastText = surface.read().text;

  function onInput() {
    generation++;
    clearTimeout(timer);
    if (inflight) { inflight.abort(); inflight = null; }
    const text = surface.read().text;
    surface.edited(lastText, text);
    lastText = text;
    view.state("waiting");
    timer = setTimeout(run, debounce);
  }

  async function run() {
    clearTimeout(timer);
    const mine = ++generation;
    const read = surface.read();
    const text = read.text;
    if (!text.trim()) { shown = null; surface.clear(); view.clear(); view.state("idle"); return; }
    const key = await contentHash(JSON.stringify([format, policy === undefined ? null : policy, text]));
    if (mine !== generation) return;
    if (shown && shown.key === key) { // the very text shown: nothing to ask
      show(read, shown.report, key);
      return;
    }
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    view.state("checking");
    try {
      const report = await client.audit(text, { format, policy, signal: controller.signal });
      if (inflight !== controller || mine !== generation) return;
      inflight = null;
      show(read, report, key);
    } catch (error) {
      if (inflight !== controller) return; // aborted by a newer edit
      inflight = null;
      view.state("error", describe(error));
    }
  }

  function show(read, report, key) {
    shown = { key, report };
    const map = new OffsetMap(read.text);
    const marks = [];
    for (const q of report.quotes) {
      for (const f of q.fragments && q.fragments.length ? q.fragments : [q]) {
        const at = utf16Span(read.text, f, map);
        if (at) marks.push({ ...at, type: q.source_type, quote: q.id, kind: "quote" });
      }
    }
    const findings = report.findings.map((f) => {
      const at = f.span ? utf16Span(read.text, f.span, map) : null;
      const index = at ? marks.push({ ...at, kind: "finding" }) - 1 : -1;
      return { finding: f, mark: index };
    });
    surface.show(read, marks);
    lastText = read.text;
    view.report(report, findings);
    view.state("done");
    if (onReport) onReport(report);
  }

  surface.listen(onInput);
  if (lastText.trim()) timer = setTimeout(run, 0); else view.state("idle");

  return {
    refresh: run,
    get report() { return shown ? shown.report : null; },
    destroy() {
      clearTimeout(timer);
      if (inflight) inflight.abort();
      surface.destroy();
      view.destroy();
    },
  };
}

function describe(error) {
  if (error instanceof ProblemError && error.status === 401) return "Sourcecheck needs a valid API key.";
  if (error instanceof ProblemError) return `Sourcecheck could not check this text: ${error.detail || error.title}`;
  return `Sourcecheck is unreachable: ${error.message}`;
}

// --- the panel's own content --------------------------------------------------

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function panelView(root, select) {
  root.replaceChildren();
  const section = el("section", "sc-panel");
  section.setAttribute("aria-label", "Sourcing");
  const head = el("div", "sc-panel__head");
  head.append(el("h2", "sc-panel__title", "Sourcing"));
  const status = el("p", "sc-panel__status");
  status.setAttribute("role", "status");
  head.append(status);
  const legend = el("ul", "sc-legend");
  legend.setAttribute("aria-label", "Quotations by source type");
  const counts = {};
  for (const t of SOURCE_TYPES) {
    const item = el("li", "sc-legend__item");
    item.append(el("span", `sc-q sc-q-${t} sc-legend__swatch`, LABELS[t]));
    counts[t] = el("strong", "sc-legend__count", "0");
    counts[t].dataset.type = t;
    item.append(" ", counts[t]);
    legend.append(item);
  }
  const score = el("p", "sc-panel__score");
  const findingsHead = el("h3", "sc-panel__subtitle", "Findings");
  const list = el("ol", "sc-findings");
  section.append(head, legend, score, findingsHead, list);
  root.append(section);

  return {
    state(name, message) {
      section.dataset.state = name;
      status.textContent = message || STATUS[name];
    },
    clear() {
      for (const t of SOURCE_TYPES) counts[t].textContent = "0";
      score.textContent = "";
      list.replaceChildren();
    },
    report(report, findings) {
      const byType = report.summary.quotes_by_type || {};
      for (const t of SOURCE_TYPES) counts[t].textContent = String(byType[t] || 0);
      score.textContent = report.score ? `Score ${report.score.value} (${report.score.grade})` : "";
      list.replaceChildren();
      if (!findings.length) list.append(el("li", "sc-finding sc-finding--none", "No findings."));
      for (const { finding, mark } of findings) {
        const item = el("li", "sc-finding");
        item.dataset.rule = finding.rule;
        item.dataset.severity = finding.severity;
        const top = el("div", "sc-finding__head");
        top.append(el("span", `sc-sev sc-sev--${finding.severity}`, finding.severity), el("code", "sc-rule", finding.rule));
        item.append(top, el("p", "sc-finding__msg", finding.message));
        if (finding.suggestion) item.append(el("p", "sc-finding__sugg", `Suggestion: ${finding.suggestion}`));
        if (mark >= 0) {
          const go = el("button", "sc-finding__go", `Show “${clip(finding.span.text)}”`);
          go.type = "button";
          go.addEventListener("click", () => select(mark));
          item.append(go);
        }
        list.append(item);
      }
    },
    destroy() { root.replaceChildren(); },
  };
}

function clip(text) {
  return text.length > 48 ? text.slice(0, 47) + "…" : text;
}

// --- a textarea: marks painted on a transparent copy laid over it -------------

const MIRRORED = ["boxSizing", "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch",
  "lineHeight", "letterSpacing", "wordSpacing", "textIndent", "textTransform", "tabSize", "textAlign", "direction",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
  "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth"];

function textareaSurface(editor) {
  const overlay = el("div", "sc-overlay");
  overlay.setAttribute("aria-hidden", "true");
  editor.insertAdjacentElement("afterend", overlay);
  let marks = [];
  let painted = "";

  function place() { // the overlay's box and type exactly the editor's (CSSOM: allowed by a strict CSP)
    const style = getComputedStyle(editor);
    for (const p of MIRRORED) overlay.style[p] = style[p];
    const scrollbar = editor.offsetWidth - editor.clientWidth
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    overlay.style.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`;
    overlay.style.top = `${editor.offsetTop}px`;
    overlay.style.left = `${editor.offsetLeft}px`;
    overlay.style.width = `${editor.offsetWidth}px`;
    overlay.style.height = `${editor.offsetHeight}px`;
    overlay.scrollTop = editor.scrollTop;
  }

  function paint(text) {
    painted = text;
    const nodes = runs(text, marks.filter((m) => m && m.kind === "quote")).map((r) => {
      if (!r.mark) return document.createTextNode(r.text);
      const mark = el("mark", `sc-q sc-q-${r.mark.type}`, r.text);
      mark.dataset.type = r.mark.type;
      mark.dataset.quote = r.mark.quote;
      return mark;
    });
    overlay.replaceChildren(...nodes, document.createTextNode("\n\u200b")); // a final newline still takes a line
    place();
  }

  const onScroll = () => { overlay.scrollTop = editor.scrollTop; };
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(place) : null;
  let onInput = null;
  return {
    read: () => ({ text: editor.value }),
    listen(handler) {
      onInput = handler;
      editor.addEventListener("input", handler);
      editor.addEventListener("scroll", onScroll);
      window.addEventListener("resize", place);
      if (resize) resize.observe(editor);
      paint(editor.value);
    },
    show(read, next) { marks = next; paint(read.text); },
    edited(before, after) { marks = rebase(marks, before, after); paint(after); },
    clear() { marks = []; paint(editor.value); },
    select(i) {
      const m = marks[i];
      if (!m || painted !== editor.value) return;
      editor.focus();
      editor.setSelectionRange(m.start, m.end);
    },
    destroy() {
      if (onInput) editor.removeEventListener("input", onInput);
      editor.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", place);
      if (resize) resize.disconnect();
      overlay.remove();
    },
  };
}

// --- a contenteditable element: the CSS Custom Highlight API, no DOM change ---

const BLOCKS = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL"]);

/** The element's text as the API should read it (blocks apart by a blank line)
 *  and where each text node sits in it. */
export function readEditable(root) {
  let text = "";
  const nodes = []; // {start, node}
  const gap = (sep) => { if (text && !text.endsWith(sep)) text += text.endsWith("\n") ? sep.slice(1) : sep; };
  (function walk(node) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        nodes.push({ start: text.length, node: child });
        text += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === "BR") { text += "\n"; continue; }
        const block = BLOCKS.has(child.tagName);
        if (block) gap("\n\n");
        walk(child);
        if (block) gap("\n\n");
      }
    }
  })(root);
  return { text, nodes };
}

function richSurface(editor) {
  const supported = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";
  let ranges = [];
  let onInput = null;

  function point(nodes, offset) { // a UTF-16 offset into the read text -> a DOM position
    let lo = 0, hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    const at = nodes[lo];
    if (!at) return null;
    if (offset <= at.start + at.node.length) return [at.node, Math.max(0, offset - at.start)];
    return nodes[lo + 1] ? [nodes[lo + 1].node, 0] : [at.node, at.node.length];
  }

  function clear() {
    ranges = [];
    if (supported) for (const t of SOURCE_TYPES) CSS.highlights.delete(`sourcecheck-${t}`);
  }

  return {
    read: () => readEditable(editor),
    listen(handler) { onInput = handler; editor.addEventListener("input", handler); },
    show(read, marks) {
      clear();
      const byType = Object.fromEntries(SOURCE_TYPES.map((t) => [t, []]));
      ranges = marks.map((m) => {
        const a = point(read.nodes, m.start), b = point(read.nodes, m.end);
        if (!a || !b) return null;
        const range = document.createRange();
        range.setStart(a[0], a[1]);
        range.setEnd(b[0], b[1]);
        if (m.kind === "quote") byType[m.type].push(range);
        return range;
      });
      if (supported) {
        for (const t of SOURCE_TYPES) if (byType[t].length) CSS.highlights.set(`sourcecheck-${t}`, new Highlight(...byType[t]));
      }
    },
    edited() {}, // live ranges follow the edits themselves
    clear,
    select(i) {
      const range = ranges[i];
      if (!range || range.collapsed) return;
      editor.focus();
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range.cloneRange());
      const node = range.startContainer.parentElement;
      if (node) node.scrollIntoView({ block: "nearest" });
    },
    destroy() {
      if (onInput) editor.removeEventListener("input", onInput);
      clear();
    },
  };
}
