// Types of the client. The wire types come from src/openapi.d.ts, generated
// from the server's /openapi.json (see docs/cms.md); never edit that file.
import type { components, paths } from "./openapi.js";

export type { components, paths };
type Schemas = components["schemas"];

export type Report = Schemas["AuditResponse"];
export type AuditRequest = Schemas["AuditRequest"];
export type Quote = Schemas["Quote"];
export type Source = Schemas["Source"];
export type Finding = Schemas["Finding"];
export type Span = Schemas["Span"];
export type Policy = Schemas["Policy"];
export type Problem = Schemas["Problem"];
export type Format = NonNullable<AuditRequest["format"]>;
export type SourceType = Quote["source_type"];

export interface ClientOptions {
  /** the server, e.g. "https://sourcecheck.example.org"; "" (default): this page's origin */
  baseUrl?: string;
  /** sent as `Authorization: <authScheme> <key>`; a function is asked on every request */
  apiKey?: string | (() => string | null | undefined);
  /** default "Bearer" */
  authScheme?: string;
  /** extra headers on every request */
  headers?: Record<string, string>;
  /** ms before a call fails with TimeoutError; default 15000, 0: none */
  timeout?: number;
  /** reports kept for If-None-Match revalidation; default 16, 0: none */
  cache?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** aborting rejects the call with the signal's reason (an AbortError by default) */
  signal?: AbortSignal;
  /** this call's timeout in ms */
  timeout?: number;
}

export interface AuditOptions extends CallOptions {
  format?: Format;
  policy?: Policy;
  title?: string;
  id?: string;
}

export class SourcecheckClient {
  constructor(options?: ClientOptions);
  readonly baseUrl: string;
  readonly stats: { requests: number; notModified: number };
  /** Audit one article; offsets in the report are code points into `text` (see OffsetMap). */
  audit(text: string, options?: AuditOptions): Promise<Report>;
  auditBatch(articles: AuditRequest[], options?: CallOptions): Promise<Report[]>;
  getAudit(id: string, options?: CallOptions): Promise<Report>;
  clearCache(): void;
}

/** Code-point offsets (the API's) <-> UTF-16 indices (JavaScript's) for one text. */
export class OffsetMap {
  constructor(text: string);
  readonly text: string;
  readonly codePoints: number;
  toUtf16(codePoint: number): number;
  toCodePoint(utf16Index: number): number;
  span(span: { start: number; end: number }): { start: number; end: number };
}

/** A span as UTF-16 indices into `text`; null when its `text` does not match there. */
export function utf16Span(text: string, span: { start: number; end: number; text?: string },
                          map?: OffsetMap): { start: number; end: number } | null;

/** Hex SHA-256 (Web Crypto), or a 64-bit FNV-1a where Web Crypto is missing. */
export function contentHash(value: string): Promise<string>;

export class SourcecheckError extends Error {}
export class TimeoutError extends SourcecheckError { readonly timeout: number; }
export class NetworkError extends SourcecheckError {}
export class UnexpectedResponseError extends SourcecheckError { readonly status: number; }
export class ProblemError extends SourcecheckError {
  constructor(problem: Problem);
  readonly problem: Problem;
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors: NonNullable<Problem["errors"]>;
  /** `invalid-body` for `urn:sourcecheck:problem:invalid-body`; null for `about:blank` */
  readonly slug: string | null;
}
export class BadRequestError extends ProblemError {}
export class UnauthorizedError extends ProblemError {}
export class NotFoundError extends ProblemError {}
export class PayloadTooLargeError extends ProblemError {}
export class UnsupportedMediaTypeError extends ProblemError {}
export class ValidationError extends ProblemError {}
export class StorageUnavailableError extends ProblemError {}
export class ServerError extends ProblemError {}
export function problemError(problem: Problem): ProblemError;
