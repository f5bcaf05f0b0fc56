// Code-point offsets (the API's) to UTF-16 indices (JavaScript's).
import { test } from "node:test";
import assert from "node:assert/strict";
import { OffsetMap, utf16Span } from "../src/index.js";

// Offsets as the API reports them: Python code points.
function pySpan(text, quoted) {
  const unit = text.indexOf(quoted);
  const start = [...text.slice(0, unit)].length;
  return { start, end: start + [...quoted].length, text: quoted };
}

test("plain BMP text needs no mapping", () => {
  const map = new OffsetMap("\u201cYes,\u201d she said. Caf\u00e9 \u2014 fine.");
  assert.equal(map.units, null);
  assert.equal(map.toUtf16(7), 7);
  assert.equal(map.toCodePoint(7), 7);
});

test("an emoji before a quote shifts its UTF-16 span by one per emoji", () => {
  const text = "Fans \u{1F389}\u{1F389} cheered. \u201cWe won,\u201d the coach said.";
  const span = pySpan(text, "We won,");
  assert.deepEqual(span, { start: 18, end: 25, text: "We won," });
  const at = new OffsetMap(text).span(span);
  assert.deepEqual(at, { start: 20, end: 27 });
  assert.equal(text.slice(at.start, at.end), "We won,");
});

test("astral characters inside a span are kept whole", () => {
  const text = "She wrote \u201c\u{20BB7}\u91CE\u5BB6 \u{1F600} is home\u201d, the poet said.";
  const quoted = "\u{20BB7}\u91CE\u5BB6 \u{1F600} is home";
  const at = utf16Span(text, pySpan(text, quoted));
  assert.equal(text.slice(at.start, at.end), quoted);
});

test("a flag (two regional indicators) and a ZWJ family count as several code points", () => {
  const text = "\u{1F1FA}\u{1F1E6} \u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u201cPeace,\u201d he said.";
  const span = pySpan(text, "Peace,");
  assert.equal(span.start, 2 + 1 + 5 + 2); // flag 2, space, family 5, space and mark
  const at = new OffsetMap(text).span(span);
  assert.equal(text.slice(at.start, at.end), "Peace,");
});

test("UTF-16 back to code points; inside a surrogate pair is the pair's start", () => {
  const text = "a\u{1F600}b";
  const map = new OffsetMap(text);
  assert.deepEqual([0, 1, 2, 3, 4].map((u) => map.toCodePoint(u)), [0, 1, 1, 2, 3]);
  assert.deepEqual([0, 1, 2, 3].map((c) => map.toUtf16(c)), [0, 1, 3, 4]);
  assert.equal(map.codePoints, 3);
});

test("offsets outside the text are a RangeError", () => {
  const map = new OffsetMap("a\u{1F600}");
  assert.throws(() => map.toUtf16(3), RangeError);
  assert.throws(() => map.toUtf16(-1), RangeError);
  assert.throws(() => map.toUtf16(1.5), RangeError);
});

test("a span whose text does not match (the text changed) maps to null", () => {
  assert.equal(utf16Span("He said no.", { start: 3, end: 7, text: "said" }).start, 3);
  assert.equal(utf16Span("He says no.", { start: 3, end: 7, text: "said" }), null);
  assert.equal(utf16Span("short", { start: 3, end: 70, text: "x" }), null);
});
