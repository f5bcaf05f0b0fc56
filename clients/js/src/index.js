// Sourcecheck's JavaScript client: the API, typed errors, offset mapping.
export { SourcecheckClient } from "./client.js";
export { OffsetMap, utf16Span } from "./offsets.js";
export { contentHash } from "./hash.js";
export {
  SourcecheckError, TimeoutError, NetworkError, UnexpectedResponseError, ProblemError, BadRequestError,
  UnauthorizedError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError,
  StorageUnavailableError, ServerError, problemError,
} from "./errors.js";
