// Offsets: the API counts Python code points; JavaScript strings count UTF-16
// code units. An astral character (most emoji, some CJK) is one code point but
// two UTF-16 units, so every offset after one shifts by one.

/**
 * Converts offsets between code points and UTF-16 units for one text.
 * Built once per text in O(n); each lookup is O(1), or O(log n) from UTF-16.
 */
export class OffsetMap {
  /** @param {string} text the exact string sent to the API */
  constructor(text) {
    this.text = text;
    /** @type {number[] | null} UTF-16 index of each code point (and the end); null: all BMP */
    this.units = null;
    let astral = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
    }
    if (astral) {
      const units = [];
      for (let i = 0; i < text.length; i++) {
        units.push(i);
        const c = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++; // a surrogate pair
      }
      units.push(text.length);
      this.units = units;
    }
    this.codePoints = this.units ? this.units.length - 1 : text.length;
  }

  /** The UTF-16 index of code-point offset `cp` (0..codePoints). */
  toUtf16(cp) {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.codePoints) {
      throw new RangeError(`code-point offset ${cp} is outside 0..${this.codePoints}`);
    }
    return this.units ? this.units[cp] : cp;
  }

  /** The code-point offset of UTF-16 index `unit`; inside a pair, the pair's start. */
  toCodePoint(unit) {
    if (!Number.isInteger(unit) || unit < 0 || unit > this.text.length) {
      throw new RangeError(`UTF-16 index ${unit} is outside 0..${this.text.length}`);
    }
    if (!this.units) return unit;
    let lo = 0, hi = this.units.length - 1;
    while (lo < hi) { // the last code point starting at or before `unit`
      const mid = (lo + hi + 1) >> 1;
      if (this.units[mid] <= unit) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /**
   * A report span (`{start, end}` in code points) as UTF-16 indices, so that
   * `text.slice(start, end)` is the span's text.
   * @param {{start: number, end: number}} span
   * @returns {{start: number, end: number}}
   */
  span(span) {
    return { start: this.toUtf16(span.start), end: this.toUtf16(span.end) };
  }
}

/**
 * A span's UTF-16 indices into `text`, checked against the span's own `text`
 * when it has one (null when they disagree: the text is not the one audited).
 * @param {string} text
 * @param {{start: number, end: number, text?: string}} span
 * @param {OffsetMap} [map]
 */
export function utf16Span(text, span, map = new OffsetMap(text)) {
  let out;
  try { out = map.span(span); } catch { return null; }
  if (span.text !== undefined && text.slice(out.start, out.end) !== span.text) return null;
  return out;
}
