import { chai, equals, iterableEquality, subsetEquality } from '@vitest/expect';
import { format, plugins } from '@vitest/pretty-format';
import type { Files } from '../../checks/toolchain.ts';
import type { SnapshotUpdate } from '../../report/check-report.ts';
import { dirname } from './paths.ts';
import { workspaceFrames } from './stack.ts';

/**
 * `toMatchSnapshot`, `toMatchInlineSnapshot` and their `toThrowError…` forms, compared the way
 * `vitest run` compares them: values printed by pretty-format with Vitest's snapshot options, stored
 * snapshots read from the workspace's `__snapshots__/<test file>.snap`, inline ones from the call. A
 * snapshot that does not exist yet passes, as `vitest run` passes it while writing it. The worker cannot
 * write the learner's files: what `vitest -u` would write (a new snapshot, or one that did not match) goes
 * into the test's result as data, for the workbench's "Update snapshot" (snapshot-update.ts).
 */

interface SnapshotFile {
  testFile: string;
  /** The `.snap` file's workspace path. */
  path: string;
  stored: Record<string, string> | undefined;
  counters: Map<string, number>;
  /** What each test (by full name) would write. */
  updates: Map<string, SnapshotUpdate[]>;
}

let current: SnapshotFile | undefined;

/** Starts the snapshots of one test file run. */
export function startSnapshotFile(files: Files, testFile: string): void {
  const slash = testFile.lastIndexOf('/');
  const folder = dirname(testFile);
  const path = `${folder ? `${folder}/` : ''}__snapshots__/${testFile.slice(slash + 1)}.snap`;
  const text = files[path];
  const stored = text === undefined ? undefined : readSnapFile(path, text);
  current = { testFile, path, stored, counters: new Map(), updates: new Map() };
}

/** The snapshots the test `fullTestName` would write, once: its result carries them. */
export function takeSnapshotUpdates(fullTestName: string): SnapshotUpdate[] {
  const updates = current?.updates.get(fullTestName) ?? [];
  current?.updates.delete(fullTestName);
  return updates;
}

function readSnapFile(path: string, text: string): Record<string, string> {
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  try {
    // A .snap file is JavaScript assigning to `exports`; this worker runs the learner's code anyway.
    (globalThis.eval(`(function (exports) {${text}\n})`) as (exports: object) => void)(data);
  } catch (cause) {
    throw new Error(`Invalid snapshot file, please manually fix or delete it: ${path}`, { cause });
  }
  return data;
}

const SERIALIZERS = [
  plugins.ReactTestComponent,
  plugins.ReactElement,
  plugins.DOMElement,
  plugins.DOMCollection,
  plugins.Immutable,
  plugins.AsymmetricMatcher,
];

function serialize(value: unknown): string {
  const text = format(value, {
    escapeRegex: true,
    indent: 2,
    plugins: SERIALIZERS,
    printFunctionName: false,
    printBasicPrototype: false,
    escapeString: false,
  }).replace(/\r\n|\r/g, '\n');
  return text.includes('\n') ? `\n${text}\n` : text;
}

/** An inline snapshot as written in the call, brought back to indent 0 (the call's indentation removed). */
function stripIndentation(snapshot: string): string {
  const indentation = /^([^\S\n]*)\S/m.exec(snapshot)?.[1];
  const lines = snapshot.split('\n');
  if (!indentation || lines.length <= 2) return snapshot;
  if (lines[0]?.trim() !== '' || lines.at(-1)?.trim() !== '') return snapshot;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (!line.startsWith(indentation)) return snapshot;
    lines[i] = line.slice(indentation.length);
  }
  lines[lines.length - 1] = '';
  return lines.join('\n');
}

const trimmed = (text: string): string => text.replace(/^\n/, '').replace(/\n$/, '').trim();

interface AssertionThis {
  _obj?: unknown;
}

function testName(assertion: object): string {
  const task = chai.util.flag(assertion, 'vitest-test') as { fullTestName?: string } | undefined;
  return task?.fullTestName ?? '';
}

/** Where a snapshot lives: in the `.snap` file, or inline in the call, found by the caller's stack. */
type Where = { kind: 'file' } | { kind: 'inline'; stack: string | undefined };

function check(assertion: object, received: unknown, expected: string | undefined, key: string, where: Where): void {
  if (chai.util.flag(assertion, 'negate')) throw new Error('Snapshot matchers cannot be used with "not"');
  const actual = serialize(received);
  const offer = (): void => offerUpdate(assertion, key, actual.replace(/^\n/, '').replace(/\n$/, ''), where);
  // Not stored yet: `vitest run` writes it and passes.
  if (expected === undefined) return offer();
  if (trimmed(actual) === trimmed(expected)) return;
  offer();
  const error = new Error(`Snapshot \`${key}\` mismatched`) as Error & { expected: string; actual: string };
  error.expected = trimmed(expected);
  error.actual = trimmed(actual);
  throw error;
}

function offerUpdate(assertion: object, key: string, value: string, where: Where): void {
  if (!current) return;
  let update: SnapshotUpdate;
  if (where.kind === 'file') update = { kind: 'file', file: current.path, key, value };
  else {
    const testFile = current.testFile;
    const call = workspaceFrames(where.stack).find((frame) => frame.file === testFile);
    if (!call) return;
    update = { kind: 'inline', file: testFile, line: call.line, column: call.column, value };
  }
  const name = testName(assertion);
  current.updates.set(name, [...(current.updates.get(name) ?? []), update]);
}

function nextKey(assertion: object, hint: unknown): string {
  const name = `${testName(assertion)}${typeof hint === 'string' && hint ? ` > ${hint}` : ''}`;
  const counters = current?.counters ?? new Map<string, number>();
  const count = (counters.get(name) ?? 0) + 1;
  counters.set(name, count);
  return `${name} ${count}`;
}

/**
 * The value to snapshot when the matcher was given property matchers (`toMatchSnapshot({ id:
 * expect.any(Number) })`): the properties must match, and then stand in the value in place of what they
 * matched, so the snapshot holds `Any<Number>` rather than a value that changes every run.
 */
function withProperties(received: unknown, properties: unknown): unknown {
  if (typeof properties !== 'object' || properties === null) return received;
  if (typeof received !== 'object' || received === null) {
    throw new Error('Received value must be an object when the matcher has properties');
  }
  if (!equals(received, properties, [iterableEquality, subsetEquality])) {
    const error = new Error('Snapshot properties mismatched') as Error & { expected: string; actual: string };
    error.expected = trimmed(serialize(properties));
    error.actual = trimmed(serialize(received));
    throw error;
  }
  return mergeProperties(received, properties);
}

/** `value` with each of `properties` put in its place, into plain objects and arrays alike. */
function mergeProperties(value: unknown, properties: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(properties)) {
    return value.map((item: unknown, i) => (i in properties ? mergeProperties(item, properties[i]) : item));
  }
  if (!isPlainObject(value) || !isPlainObject(properties)) return properties;
  const merged: Record<string, unknown> = { ...value };
  for (const [key, matcher] of Object.entries(properties)) {
    merged[key] =
      key in value && (isPlainObject(matcher) || Array.isArray(matcher))
        ? mergeProperties(value[key], matcher)
        : matcher;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  // An asymmetric matcher (expect.any) is a class instance: it stands in whole, it is not merged into.
  return prototype === Object.prototype || prototype === null;
}

/** The error a function (or a `.rejects` promise's reason) threw, for the `toThrowError…` forms. */
function thrownBy(assertion: object, received: unknown): unknown {
  if (chai.util.flag(assertion, 'promise') === 'rejects') return received;
  if (typeof received !== 'function') throw new TypeError('expected a function that throws');
  try {
    (received as () => unknown)();
  } catch (error) {
    return error;
  }
  throw new Error('Received function did not throw');
}

export function installSnapshotMatchers(): void {
  const add = (name: string, method: (this: AssertionThis, ...args: unknown[]) => void): void => {
    chai.util.addMethod(chai.Assertion.prototype, name, method);
  };
  add('toMatchSnapshot', function (this: AssertionThis, propertiesOrHint?: unknown, hint?: unknown) {
    const label = typeof propertiesOrHint === 'string' ? propertiesOrHint : hint;
    const key = nextKey(this, label);
    const received = withProperties(chai.util.flag(this, 'object'), propertiesOrHint);
    check(this, received, current?.stored?.[key], key, { kind: 'file' });
  });
  add('toMatchInlineSnapshot', function (this: AssertionThis, propertiesOrSnapshot?: unknown, snapshot?: unknown) {
    const inline = typeof propertiesOrSnapshot === 'string' ? propertiesOrSnapshot : snapshot;
    const key = nextKey(this, undefined);
    const expected = typeof inline === 'string' ? stripIndentation(inline) : undefined;
    const received = withProperties(chai.util.flag(this, 'object'), propertiesOrSnapshot);
    check(this, received, expected, key, { kind: 'inline', stack: new Error().stack });
  });
  add('toThrowErrorMatchingSnapshot', function (this: AssertionThis, hint?: unknown) {
    const key = nextKey(this, hint);
    check(this, thrownBy(this, chai.util.flag(this, 'object')), current?.stored?.[key], key, { kind: 'file' });
  });
  add('toThrowErrorMatchingInlineSnapshot', function (this: AssertionThis, inline?: unknown) {
    const key = nextKey(this, undefined);
    const expected = typeof inline === 'string' ? stripIndentation(inline) : undefined;
    const stack = new Error().stack;
    check(this, thrownBy(this, chai.util.flag(this, 'object')), expected, key, { kind: 'inline', stack });
  });
  add('toMatchFileSnapshot', () => {
    throw new Error('toMatchFileSnapshot is not supported in the browser engine; the Node engine runs it');
  });
}
