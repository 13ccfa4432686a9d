/** Milliseconds since the epoch; injected so tests control time. */
export interface Clock {
  now(): number;
}
