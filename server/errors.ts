// Typed errors thrown by the domain and turned into pages or fragments by one error middleware.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class NotFound extends HttpError {
  override name = 'NotFound';
  constructor(message = 'Not found') {
    super(404, message);
  }
}

export class Forbidden extends HttpError {
  override name = 'Forbidden';
  constructor(message = 'You do not have permission to do that') {
    super(403, message);
  }
}

/** Input that cannot be accepted; `fields` maps a form field to its message. */
export class Invalid extends HttpError {
  override name = 'Invalid';
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(422, message);
  }
}

/** A save based on a version that is no longer current. */
export class Conflict extends HttpError {
  override name = 'Conflict';
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(409, message);
  }
}
