/** Small guards for JSON that came from another process: its shape is checked, never assumed. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Parses tool output; the error says which tool's output was unreadable, not just "Unexpected token". */
export function parseJsonText(text: string, tool: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const start = text.trim().slice(0, 120);
    throw new Error(`${tool} did not produce readable JSON (${(error as Error).message}); output began: ${start}`, {
      cause: error,
    });
  }
}
