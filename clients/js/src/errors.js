// Errors are types: every failure of a call is one of these, so a plugin can
// tell "fix the request" from "try again later" from "ask for a key".

/** Any failure of a Sourcecheck call. */
export class SourcecheckError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request did not finish within the client's `timeout`. */
export class TimeoutError extends SourcecheckError {
  constructor(ms) {
    super(`no answer from Sourcecheck within ${ms} ms`);
    this.timeout = ms;
  }
}

/** The server could not be reached (offline, DNS, CORS refused, connection reset). */
export class NetworkError extends SourcecheckError {}

/** The server answered with something that is neither a report nor a problem. */
export class UnexpectedResponseError extends SourcecheckError {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** An RFC 9457 problem (`application/problem+json`) the API answered with. */
export class ProblemError extends SourcecheckError {
  /** @param {object} problem the problem document */
  constructor(problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title || `HTTP ${problem.status}`);
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.requestId = problem.request_id;
    /** field-level messages: [{pointer: "/text", detail}] */
    this.errors = problem.errors || [];
  }

  /** The problem type's last part: `urn:sourcecheck:problem:invalid-body` -> `invalid-body`. */
  get slug() {
    const type = this.type || "";
    return type.startsWith("urn:sourcecheck:problem:") ? type.slice(24) : null;
  }
}

/** 400: the body is not valid JSON. */
export class BadRequestError extends ProblemError {}
/** 401: no API key, or not a valid one. */
export class UnauthorizedError extends ProblemError {}
/** 404: no such stored report (or path). */
export class NotFoundError extends ProblemError {}
/** 413: the body is over the server's limit. */
export class PayloadTooLargeError extends ProblemError {}
/** 415: not sent as JSON. */
export class UnsupportedMediaTypeError extends ProblemError {}
/** 422: the body or the article is invalid; `errors` point at the members. */
export class ValidationError extends ProblemError {}
/** 501: the server keeps no reports (asked to store one). */
export class StorageUnavailableError extends ProblemError {}
/** 5xx: the server failed; quote `requestId` when reporting it. */
export class ServerError extends ProblemError {}

const BY_STATUS = {
  400: BadRequestError, 401: UnauthorizedError, 404: NotFoundError, 413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError, 422: ValidationError, 501: StorageUnavailableError,
};

/** The typed error for a problem document. */
export function problemError(problem) {
  const Type = BY_STATUS[problem.status] || (problem.status >= 500 ? ServerError : ProblemError);
  return new Type(problem);
}
