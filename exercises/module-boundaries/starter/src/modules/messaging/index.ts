/**
 * Public API of the messaging module: the only file other modules may import.
 *
 * Nothing is exported yet, so feeds reaches into ./internal/ instead. Export what other modules need
 * and nothing about how threads are stored (see README.md for the exact shape).
 */
export {};
