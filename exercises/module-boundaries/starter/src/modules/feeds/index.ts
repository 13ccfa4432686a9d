/**
 * Public API of the feeds module: the only file other modules (and the app) may import.
 *
 * Nothing is exported yet. See README.md for what belongs here.
 */
export {};
