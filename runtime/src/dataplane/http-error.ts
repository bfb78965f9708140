/** A request the data plane refuses itself, with the status to answer (400, 405, 417, 431, 501, 505). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
