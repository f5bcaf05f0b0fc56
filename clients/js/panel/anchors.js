// Pure helpers of the panel, kept apart so Node's tests can run them.

/** The four source types, in the review page's order. */
export const SOURCE_TYPES = ["named", "anonymous", "institutional", "unattributed"];

/**
 * Marks (`{start, end, ...}` in UTF-16) carried across an edit from `before`
 * to `after`: the edit is the stretch between their common prefix and common
 * suffix; marks before it stay, marks after it shift, marks it touches are
 * dropped (null) until the next audit.
 * @template {{start: number, end: number}} M
 * @param {(M | null)[]} marks
 * @param {string} before
 * @param {string} after
 * @returns {(M | null)[]}
 */
export function rebase(marks, before, after) {
  if (before === after) return marks;
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix
         && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const editEnd = before.length - suffix; // in `before`
  const delta = after.length - before.length;
  return marks.map((m) => {
    if (m === null) return null;
    if (m.end <= prefix) return m;
    if (m.start >= editEnd) return { ...m, start: m.start + delta, end: m.end + delta };
    return null;
  });
}

/**
 * Runs of `text` for painting: plain stretches and marked ones, marks sorted
 * by start and clipped where they overlap (the earlier keeps the overlap).
 * @param {string} text
 * @param {({start: number, end: number} | null)[]} marks
 * @returns {Array<{text: string, mark: any}>}
 */
export function runs(text, marks) {
  const sorted = marks.filter((m) => m && m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const m of sorted) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: null });
    out.push({ text: text.slice(start, end), mark: m });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null });
  return out;
}
