/**
 * A minimal ustar writer for small text folders (an exported fixture): regular files only, paths up to
 * 100 bytes, no compression. Enough for `tar -xf` and every archive tool, without a dependency.
 */

const BLOCK = 512;
const encoder = new TextEncoder();

export interface TarEntry {
  /** Forward-slash path inside the archive, at most 100 bytes. */
  path: string;
  text: string;
}

export function tarArchive(entries: readonly TarEntry[], mtime = new Date()): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const seconds = Math.floor(mtime.getTime() / 1000);
  for (const entry of entries) {
    const data = encoder.encode(entry.text);
    parts.push(header(entry.path, data.byteLength, seconds), data, new Uint8Array(padding(data.byteLength)));
  }
  // Two zero blocks end the archive.
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function header(path: string, size: number, mtime: number): Uint8Array {
  const name = encoder.encode(path);
  if (name.byteLength > 100) throw new Error(`tar: path longer than 100 bytes: ${path}`);
  const block = new Uint8Array(BLOCK);
  block.set(name, 0);
  write(block, 100, octal(0o644, 8));
  write(block, 108, octal(0, 8)); // uid
  write(block, 116, octal(0, 8)); // gid
  write(block, 124, octal(size, 12));
  write(block, 136, octal(mtime, 12));
  write(block, 148, '        '); // checksum counts as spaces while it is computed
  write(block, 156, '0'); // regular file
  write(block, 257, 'ustar\u000000');
  const sum = block.reduce((n, byte) => n + byte, 0);
  write(block, 148, `${sum.toString(8).padStart(6, '0')}\u0000 `);
  return block;
}

/** A zero-padded octal number ending in NUL, filling `width` bytes. */
function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`;
}

function write(block: Uint8Array, at: number, text: string): void {
  block.set(encoder.encode(text), at);
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
