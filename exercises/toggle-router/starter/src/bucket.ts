/**
 * A stable bucket from 0 to 99 per user (32-bit FNV-1a), so a user stays on one side of a percentage
 * rollout on every request, and raising the percentage only moves users from legacy to new.
 */
export function bucketOf(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}
