/** The little of HTTP the provider adapter needs; the real one wraps fetch with timeouts and auth. */

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}
