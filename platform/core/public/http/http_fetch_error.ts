/** The error `http.fetch` rejects with: the parsed body is kept so callers can show the server's message. */
export interface HttpErrorBody {
  statusCode?: number;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

export class HttpFetchError extends Error {
  override readonly name = 'HttpFetchError';
  constructor(
    message: string,
    readonly request: { url: string; method: string },
    readonly response: { status: number; statusText: string } | undefined,
    readonly body: HttpErrorBody | string | undefined,
  ) {
    super(message);
  }
}
