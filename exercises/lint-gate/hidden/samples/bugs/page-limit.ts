// Bug: a query value of '' or ' ' != 0 is false, so an empty limit is treated as "no limit".
export function pageLimit(query: Record<string, unknown>): number | undefined {
  const limit: any = query['limit'];
  if (limit != 0) return Number(limit);
  return undefined;
}
