import http from 'node:http';
import type { HttpRequest } from './request_builder';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Parsed JSON, the raw text for other content, or for HEAD whether the status was a success. */
  body: unknown;
  method: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Sends one request with node:http (fetch cannot send a GET body, which some APIs take). */
export function send(baseUrl: string, request: HttpRequest, timeoutMs = 60_000): Promise<HttpResponse> {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    if (url.username !== '') {
      headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    }
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: request.method, headers, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          let body: unknown = text;
          if (request.method === 'HEAD') body = status < 400;
          else if (text !== '' && /json/.test(String(res.headers['content-type'] ?? ''))) {
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
          }
          resolve({ status, headers: res.headers, text, body, method: request.method });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request ${request.method} ${request.path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

export function closeConnections(): void {
  agent.destroy();
}
