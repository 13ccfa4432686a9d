interface RetryConfig {
  retries?: number;
}

// Bug: `config.retries + 1` is never null or undefined, so the default of 3 never applies (NaN instead).
export function attempts(config: RetryConfig): number {
  return config.retries + 1 ?? 3;
}
