// The client against a fake fetch: requests, ETag revalidation, timeouts,
// cancellation, and problem+json answers as typed errors. No network.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  SourcecheckClient, ProblemError, ValidationError, UnauthorizedError, ServerError, PayloadTooLargeError,
  TimeoutError, NetworkError, UnexpectedResponseError, contentHash,
} from "../src/index.js";

const REPORT = { format: "text", unit: "codepoint", quotes: [], findings: [], sources: [] };

function json(body, status = 200, headers = {}) {
  return new Response(status === 304 ? null : JSON.stringify(body), {
    status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers } });
}

/** A fetch that records its calls and answers with `answer(call)`. */
function fakeFetch(answer) {
  const calls = [];
  const fetch = async (url, init) => {
    const call = { url, ...init, json: init.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    return answer(call);
  };
  return { fetch, calls };
}

/** A fetch that never answers, but rejects as fetch does when its signal aborts. */
function hangingFetch() {
  return (url, init) => new Promise((resolve, reject) => {
    if (init.signal.aborted) reject(init.signal.reason);
    init.signal.addEventListener("abort", () => reject(init.signal.reason ?? new DOMException("aborted", "AbortError")));
  });
}

test("audit posts the article and options as JSON to /v1/audits", async () => {
  const { fetch, calls } = fakeFetch(() => json(REPORT));
  const client = new SourcecheckClient({ baseUrl: "https://sc.example/", fetch });
  const report = await client.audit("\u201cYes,\u201d she said.", { format: "markdown", policy: { rules: {} }, title: "T" });
  assert.deepEqual(report, REPORT);
  assert.equal(calls[0].url, "https://sc.example/v1/audits");
  assert.equal(calls[0].method, "POST");
  assert.equal(calls[0].headers["Content-Type"], "application/json");
  assert.deepEqual(calls[0].json, { text: "\u201cYes,\u201d she said.", format: "markdown", title: "T", policy: { rules: {} } });
  assert.equal(calls[0].headers.Authorization, undefined);
});

test("an API key is sent as a bearer token; the scheme and a key function are configurable", async () => {
  const { fetch, calls } = fakeFetch(() => json(REPORT));
  await new SourcecheckClient({ fetch, apiKey: "k".repeat(20) }).audit("a");
  await new SourcecheckClient({ fetch, apiKey: () => "fresh", authScheme: "Token" }).audit("a");
  assert.equal(calls[0].headers.Authorization, `Bearer ${"k".repeat(20)}`);
  assert.equal(calls[1].headers.Authorization, "Token fresh");
});

test("the same article again revalidates with If-None-Match and a 304 returns the kept report", async () => {
  const { fetch, calls } = fakeFetch((call) =>
    call.headers["If-None-Match"] === '"e1"' ? json(null, 304, { ETag: '"e1"' }) : json(REPORT, 200, { ETag: '"e1"' }));
  const client = new SourcecheckClient({ fetch });
  const first = await client.audit("Same text.");
  const again = await client.audit("Same text.");
  assert.equal(again, first);
  assert.deepEqual(calls.map((c) => c.headers["If-None-Match"]), [undefined, '"e1"']);
  assert.deepEqual(client.stats, { requests: 2, notModified: 1 });
  await client.audit("Other text.");
  assert.equal(calls[2].headers["If-None-Match"], undefined);
});

test("the kept reports are bounded, least recently used first out", async () => {
  let n = 0;
  const { fetch, calls } = fakeFetch(() => json(REPORT, 200, { ETag: `"e${++n}"` }));
  const client = new SourcecheckClient({ fetch, cache: 2 });
  for (const t of ["a", "b", "c", "a"]) await client.audit(t);
  assert.equal(client.kept.size, 2);
  assert.equal(calls[3].headers["If-None-Match"], undefined); // "a" was dropped for "c"
});

test("a timeout rejects with TimeoutError", async () => {
  const client = new SourcecheckClient({ fetch: hangingFetch(), timeout: 30 });
  await assert.rejects(client.audit("a"), (e) => e instanceof TimeoutError && e.timeout === 30);
});

test("the caller's AbortController cancels the call with an AbortError", async () => {
  const client = new SourcecheckClient({ fetch: hangingFetch(), timeout: 0 });
  const controller = new AbortController();
  const call = client.audit("a", { signal: controller.signal });
  controller.abort();
  await assert.rejects(call, (e) => e.name === "AbortError");
});

test("an already aborted signal rejects at once", async () => {
  const client = new SourcecheckClient({ fetch: hangingFetch() });
  await assert.rejects(client.audit("a", { signal: AbortSignal.abort() }), (e) => e.name === "AbortError");
});

test("problem+json answers are typed errors carrying the problem", async () => {
  const problem = { type: "urn:sourcecheck:problem:invalid-body", title: "The request body does not match the schema",
    status: 422, detail: "the request body has invalid members; see errors", instance: "/v1/audits",
    request_id: "r-1", errors: [{ pointer: "/text", detail: "text is empty: send the article's text" }] };
  const client = new SourcecheckClient({ fetch: async () => json(problem, 422) });
  const error = await client.audit(" ").catch((e) => e);
  assert.ok(error instanceof ValidationError && error instanceof ProblemError);
  assert.equal(error.name, "ValidationError");
  assert.deepEqual([error.status, error.slug, error.requestId, error.errors[0].pointer], [422, "invalid-body", "r-1", "/text"]);
  assert.match(error.message, /does not match the schema: the request body has invalid members/);
});

for (const [status, Type] of [[401, UnauthorizedError], [413, PayloadTooLargeError], [503, ServerError], [418, ProblemError]]) {
  test(`status ${status} is a ${Type.name}`, async () => {
    const client = new SourcecheckClient({ fetch: async () => json({ type: "about:blank", title: "x", status }, status) });
    await assert.rejects(client.audit("a"), (e) => e.constructor === Type && e.status === status);
  });
}

test("an error page that is not a problem still becomes a typed error", async () => {
  const fetch = async () => new Response("<h1>Bad gateway</h1>", { status: 502, statusText: "Bad Gateway", headers: { "Content-Type": "text/html" } });
  await assert.rejects(new SourcecheckClient({ fetch }).audit("a"), (e) => e instanceof ServerError && e.title === "Bad Gateway");
});

test("a success that is not JSON is an UnexpectedResponseError", async () => {
  const fetch = async () => new Response("<html>", { status: 200, headers: { "Content-Type": "text/html" } });
  await assert.rejects(new SourcecheckClient({ fetch }).audit("a"), UnexpectedResponseError);
});

test("an unreachable server is a NetworkError", async () => {
  const fetch = async () => { throw new TypeError("fetch failed"); };
  await assert.rejects(new SourcecheckClient({ fetch, baseUrl: "http://127.0.0.1:9" }).audit("a"),
    (e) => e instanceof NetworkError && /127\.0\.0\.1:9/.test(e.message) && e.cause instanceof TypeError);
});

test("batch and stored reports use their paths", async () => {
  const { fetch, calls } = fakeFetch((call) => json(call.url.endsWith(":batch") ? { reports: [REPORT] } : REPORT));
  const client = new SourcecheckClient({ fetch });
  assert.deepEqual(await client.auditBatch([{ text: "a" }]), [REPORT]);
  await client.getAudit("a/b");
  assert.deepEqual(calls.map((c) => [c.method, c.url]), [["POST", "/v1/audits:batch"], ["GET", "/v1/audits/a%2Fb"]]);
});

test("the content hash is SHA-256 hex, the same for the same text", async () => {
  assert.equal(await contentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  assert.notEqual(await contentHash("abc "), await contentHash("abc"));
});
