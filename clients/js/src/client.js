// The Sourcecheck API from a browser or Node: fetch, nothing else.
import { contentHash } from "./hash.js";
import { NetworkError, SourcecheckError, TimeoutError, UnexpectedResponseError, problemError } from "./errors.js";

const PROBLEM = "application/problem+json";

/**
 * A client for one Sourcecheck server.
 *
 * `audit()` remembers the `ETag` of its last `cache` reports: asking again for
 * a text it has seen sends `If-None-Match`, and the server's 304 (no audit,
 * no body) returns the kept report.
 */
export class SourcecheckClient {
  /**
   * @param {object} [options]
   * @param {string} [options.baseUrl] the server, e.g. "https://sourcecheck.example.org" ("" : this page's origin)
   * @param {string | (() => string | null | undefined)} [options.apiKey] sent as `Authorization: <authScheme> <key>`
   * @param {string} [options.authScheme] default "Bearer"
   * @param {Record<string, string>} [options.headers] extra headers on every request
   * @param {number} [options.timeout] milliseconds before a call fails with TimeoutError (default 15000; 0: none)
   * @param {number} [options.cache] reports kept for If-None-Match (default 16; 0: none)
   * @param {typeof fetch} [options.fetch] default globalThis.fetch
   */
  constructor(options = {}) {
    this.baseUrl = (options.baseUrl || "").replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.authScheme = options.authScheme || "Bearer";
    this.headers = { ...(options.headers || {}) };
    this.timeout = options.timeout === undefined ? 15000 : options.timeout;
    this.cacheSize = options.cache === undefined ? 16 : options.cache;
    this.fetch = options.fetch || globalThis.fetch.bind(globalThis);
    /** @type {Map<string, {etag: string, report: object}>} request hash -> last answer */
    this.kept = new Map();
    /** requests sent, and how many the server answered 304 */
    this.stats = { requests: 0, notModified: 0 };
  }

  /**
   * Audit one article.
   * @param {string} text the article; every offset in the report is into it, in code points
   * @param {object} [options]
   * @param {"text" | "markdown" | "html"} [options.format]
   * @param {object} [options.policy] newsroom policy overrides
   * @param {string} [options.title]
   * @param {string} [options.id]
   * @param {AbortSignal} [options.signal] abort the call (rejects with the signal's reason, an AbortError)
   * @param {number} [options.timeout] this call's timeout in ms
   * @returns {Promise<object>} the report
   */
  async audit(text, options = {}) {
    const body = { text };
    for (const key of ["format", "title", "id", "policy"]) {
      if (options[key] !== undefined && options[key] !== null) body[key] = options[key];
    }
    const payload = JSON.stringify(body);
    const key = this.cacheSize > 0 ? await contentHash(payload) : null;
    const kept = key ? this.kept.get(key) : undefined;
    const headers = kept ? { "If-None-Match": kept.etag } : {};
    const response = await this.request("POST", "/v1/audits", { body: payload, headers, ...options });
    if (response.status === 304 && kept) {
      this.stats.notModified++;
      this.keep(key, kept);
      return kept.report;
    }
    const report = await readReport(response);
    const etag = response.headers.get("ETag");
    if (key && etag) this.keep(key, { etag, report });
    return report;
  }

  /**
   * Audit several articles at once (all or nothing).
   * @param {Array<{text: string, format?: string, title?: string, id?: string, policy?: object}>} articles
   * @param {{signal?: AbortSignal, timeout?: number}} [options]
   * @returns {Promise<object[]>} one report per article, in order
   */
  async auditBatch(articles, options = {}) {
    const response = await this.request("POST", "/v1/audits:batch", { body: JSON.stringify({ articles }), ...options });
    return (await readReport(response)).reports;
  }

  /**
   * A report stored with `store: true`.
   * @param {string} id
   * @param {{signal?: AbortSignal, timeout?: number}} [options]
   */
  async getAudit(id, options = {}) {
    return readReport(await this.request("GET", `/v1/audits/${encodeURIComponent(id)}`, options));
  }

  /** Forget the kept reports. */
  clearCache() {
    this.kept.clear();
  }

  keep(key, entry) {
    this.kept.delete(key); // re-insert: the Map's order is least recently used first
    this.kept.set(key, entry);
    while (this.kept.size > this.cacheSize) this.kept.delete(this.kept.keys().next().value);
  }

  /**
   * One HTTP exchange with timeout and cancellation; a problem answer is thrown
   * as its typed error. Resolves with the Response (its body unread) otherwise.
   */
  async request(method, path, { body, headers = {}, signal, timeout = this.timeout } = {}) {
    const all = { Accept: "application/json", ...this.headers, ...headers };
    if (body !== undefined) all["Content-Type"] = "application/json";
    const key = typeof this.apiKey === "function" ? this.apiKey() : this.apiKey;
    if (key) all.Authorization = `${this.authScheme} ${key}`;

    const controller = new AbortController();
    let timedOut = false;
    const timer = timeout > 0 ? setTimeout(() => { timedOut = true; controller.abort(); }, timeout) : null;
    const onAbort = () => controller.abort(signal.reason);
    if (signal) {
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    }
    try {
      if (controller.signal.aborted) throw controller.signal.reason;
      this.stats.requests++;
      const response = await this.fetch(this.baseUrl + path, { method, headers: all, body, signal: controller.signal });
      if (response.status >= 400) throw await readProblem(response);
      // read the body now, still under the timeout and the caller's signal
      const text = response.status === 204 || response.status === 304 ? "" : await response.text();
      return { status: response.status, headers: response.headers, text, contentType: response.headers.get("Content-Type") || "" };
    } catch (error) {
      if (timedOut) throw new TimeoutError(timeout);
      if (signal && signal.aborted) throw signal.reason !== undefined ? signal.reason : abortError();
      if (error instanceof SourcecheckError) throw error;
      throw new NetworkError(`could not reach Sourcecheck at ${this.baseUrl || "this origin"}: ${error.message}`, { cause: error });
    } finally {
      if (timer) clearTimeout(timer);
      if (signal) signal.removeEventListener("abort", onAbort);
    }
  }
}

async function readReport(response) {
  if (!/json/.test(response.contentType)) {
    throw new UnexpectedResponseError(`expected JSON, got ${response.contentType || "no Content-Type"} (HTTP ${response.status})`, response.status);
  }
  try {
    return JSON.parse(response.text);
  } catch {
    throw new UnexpectedResponseError(`the answer is not valid JSON (HTTP ${response.status})`, response.status);
  }
}

async function readProblem(response) {
  const type = response.headers.get("Content-Type") || "";
  let problem = null;
  if (type.startsWith(PROBLEM) || type.startsWith("application/json")) {
    try { problem = JSON.parse(await response.text()); } catch { problem = null; }
  }
  if (!problem || typeof problem !== "object" || typeof problem.status !== "number") {
    problem = { type: "about:blank", title: response.statusText || `HTTP ${response.status}`, status: response.status };
  }
  return problemError(problem);
}

function abortError() {
  return new DOMException("the call was aborted", "AbortError");
}
