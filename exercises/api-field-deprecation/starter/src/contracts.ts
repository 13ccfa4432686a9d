import type { ApiRequest, ApiResponse } from './http';

/** A recorded consumer contract: what a client sends and the parts of each answer it relies on. */
export interface Contract {
  consumer: string;
  interactions: {
    description: string;
    request: ApiRequest;
    response: { status: number; body: Record<string, unknown> };
  }[];
}

/**
 * What breaks for the consumer, or [] when it keeps working. Like a Pact provider check, extra fields in
 * the answer are fine: a client only relies on the fields it reads.
 */
export function verifyContract(contract: Contract, handle: (request: ApiRequest) => ApiResponse): string[] {
  const problems: string[] = [];
  for (const interaction of contract.interactions) {
    const response = handle(interaction.request);
    if (response.status !== interaction.response.status) {
      problems.push(`${interaction.description}: status ${response.status}, expected ${interaction.response.status}`);
      continue;
    }
    const body = (response.body ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(interaction.response.body)) {
      if (body[field] !== value) problems.push(`${interaction.description}: ${field} is ${String(body[field])}, expected ${String(value)}`);
    }
  }
  return problems;
}
