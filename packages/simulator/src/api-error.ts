/** The error types the simulator answers with (a subset of the API's). */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error'
  | 'request_too_large';

/** An error the simulator answers with, in the API's shape: `{ type: 'error', error: { type, message } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;

  constructor(status: number, type: ApiErrorType, message: string) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.type = type;
  }

  /** A 400 `invalid_request_error`, the answer to a request the API would reject. */
  static invalid(message: string): ApiError {
    return new ApiError(400, 'invalid_request_error', message);
  }

  /** The response body. */
  toJSON(): { type: 'error'; error: { type: ApiErrorType; message: string } } {
    return { type: 'error', error: { type: this.type, message: this.message } };
  }
}
