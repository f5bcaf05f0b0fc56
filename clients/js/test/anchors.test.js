// The panel's pure helpers: marks carried across an edit, runs to paint.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rebase, runs } from "../panel/anchors.js";

const text = "One \u201cfirst\u201d. Two \u201csecond\u201d. Three.";
const first = { start: 5, end: 10, quote: "q1" };
const second = { start: 18, end: 24, quote: "q2" };

test("an edit after a mark keeps it; a mark after the edit shifts", () => {
  const after = text.replace("Two", "Two and a half");
  const [a, b] = rebase([first, second], text, after);
  assert.deepEqual(a, first);
  assert.equal(after.slice(b.start, b.end), "second");
});

test("an edit inside a mark drops it until the next audit", () => {
  const after = text.replace("first", "fist");
  assert.deepEqual(rebase([first, second], text, after).map((m) => m && m.quote), [null, "q2"]);
});

test("no edit, no change", () => {
  const marks = [first];
  assert.equal(rebase(marks, text, text), marks);
});

test("runs split the text at the marks, clipping overlaps", () => {
  const got = runs("abcdefgh", [{ start: 5, end: 7, id: 2 }, { start: 1, end: 3, id: 1 }, { start: 2, end: 4, id: 3 }, null]);
  assert.deepEqual(got.map((r) => [r.text, r.mark && r.mark.id]), [
    ["a", null], ["bc", 1], ["d", 3], ["e", null], ["fg", 2], ["h", null]]);
  assert.equal(got.map((r) => r.text).join(""), "abcdefgh");
});
