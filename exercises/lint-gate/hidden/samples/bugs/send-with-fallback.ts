// Bug: return in finally swallows the error from send() and overrides its result.
export async function sendWithFallback(send: () => Promise<string>): Promise<string> {
  try {
    return await send();
  } finally {
    return 'queued';
  }
}
