export function nextId(): number {
  return Math.floor(Math.random() * 1000) + 1000;
}
