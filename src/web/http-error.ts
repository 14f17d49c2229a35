// A request the server answers with an error page or JSON error: the status, one line saying
// what is wrong (in Chinese, for the pages and the API alike), and details for the API.

export class HttpError extends Error {
  override readonly name = "HttpError";
  readonly status: 400 | 404 | 503;
  readonly detail: unknown;
  constructor(status: 400 | 404 | 503, message: string, detail?: unknown) {
    super(message);
    this.status = status;
    this.detail = detail;
  }
}

export const badRequest = (message: string, detail?: unknown) => new HttpError(400, message, detail);
export const notFound = (message: string, detail?: unknown) => new HttpError(404, message, detail);
