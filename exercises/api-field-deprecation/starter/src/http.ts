/** A request as the router hands it over: method, path, lower-case headers and a parsed JSON body. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** A response: status, headers (names as written) and a JSON body. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
