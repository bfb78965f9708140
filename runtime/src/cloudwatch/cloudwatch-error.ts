/** A CloudWatch error: `code` is the query-protocol code, `type` the model's shape name (JSON `__type`). */
export class CloudWatchError extends Error {
  constructor(
    readonly code: string,
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
