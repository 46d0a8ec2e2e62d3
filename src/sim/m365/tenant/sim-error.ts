// An error an operation refuses with, carrying the Graph status, code and message to answer with.
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export function notFound(id: string): SimError {
  return new SimError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

export function badRequest(message: string, code = 'Request_BadRequest'): SimError {
  return new SimError(400, code, message);
}
