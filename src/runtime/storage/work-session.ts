import type { Files } from '../checks/toolchain.ts';
import type { KeyValueStorage } from './key-value.ts';
import { parseSavedWork, type SavedWork, type SavedWorkRecord } from './saved-work.ts';
import { QUARANTINE } from './stored-record.ts';

/** One part of a page that edits the exercise's files: the code editor, a review form. */
export interface WorkSource {
  /** The files this part owns, as they are now. */
  collect(): Files;
  /** Show these files (the learner chose the other tab's version); `origin` set means it is inert code. */
  apply(files: Files, origin: SavedWorkRecord['origin']): void;
}

/** What the save status line shows. */
export type SaveState =
  | { kind: 'saved'; at: string }
  /** Another tab saved this exercise since this tab last read it; nothing is written until the learner picks. */
  | { kind: 'conflict'; theirs: SavedWorkRecord }
  /** The conflict was closed without a pick (the page is leaving): this tab's version was set aside there. */
  | { kind: 'set-aside-mine'; key: string };

export interface Scheduler {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface WorkSessionOptions {
  work: SavedWork;
  storage: KeyValueStorage;
  exercise: string;
  delayMs: number;
  scheduler: Scheduler;
  onState: (state: SaveState) => void;
  now?: () => Date;
}

/**
 * The saving half of an exercise page, shared by every part that edits the same exercise: a debounced save
 * while typing, `flush` for the way out (reload, tab close, navigation), and a revision counter so two tabs
 * never silently overwrite each other. DOM-free: the UI feeds it keystrokes and storage events.
 */
export class WorkSession {
  readonly exercise: string;
  /** The record as it was when the page opened. */
  readonly initial: SavedWorkRecord | undefined;
  readonly #o: WorkSessionOptions;
  readonly #sources: WorkSource[] = [];
  #revision: number;
  #timer: unknown;
  #pending = false;
  #conflict: SavedWorkRecord | undefined;
  #origin: SavedWorkRecord['origin'];

  constructor(options: WorkSessionOptions) {
    this.#o = options;
    this.exercise = options.exercise;
    this.initial = options.work.loadRecord(options.exercise);
    this.#revision = this.initial?.revision ?? 0;
    this.#origin = this.initial?.origin;
  }

  /** Where the code came from when it was not typed here; while set, nothing should lint or run it. */
  get inert(): SavedWorkRecord['origin'] {
    return this.#origin;
  }

  get conflict(): SavedWorkRecord | undefined {
    return this.#conflict;
  }

  addSource(source: WorkSource): void {
    this.#sources.push(source);
  }

  /** A keystroke: save after a pause in typing. */
  changed(): void {
    this.#pending = true;
    this.#o.scheduler.clear(this.#timer);
    // With the other-tab choice open, typing waits for the pick; only leaving the page writes (beside theirs).
    if (this.#conflict) return;
    this.#timer = this.#o.scheduler.set(() => this.flush(), this.#o.delayMs);
  }

  /** Write what is pending now: the page may be gone in a moment. */
  flush(): boolean {
    this.#o.scheduler.clear(this.#timer);
    if (!this.#pending) return true;
    if (this.#conflict) return this.#setMineAside();
    return this.#write();
  }

  /** The learner pressed Run or turned on lint as they type: the code is theirs to run from now on. */
  activate(): void {
    if (this.#origin === undefined) return;
    this.#origin = undefined;
    this.#pending = true;
    this.flush();
  }

  /** Another tab wrote the record (the `storage` event's new value). */
  externalChange(raw: string | null): void {
    if (raw === null) return;
    const theirs = parseSavedWork(raw, this.exercise);
    if (!theirs || (theirs.revision ?? 0) === this.#revision) return;
    if (sameFiles(theirs.files, this.#merged(this.#conflict?.files ?? theirs.files))) {
      // Same code: nothing to choose between.
      this.#revision = theirs.revision ?? 0;
      this.#conflict = undefined;
      return;
    }
    this.#o.scheduler.clear(this.#timer);
    this.#conflict = theirs;
    this.#o.onState({ kind: 'conflict', theirs });
  }

  /** Keep this tab's version: it is saved over the other tab's, which the other tab is then told about. */
  keepMine(): boolean {
    const theirs = this.#conflict;
    if (!theirs) return true;
    this.#conflict = undefined;
    this.#revision = Math.max(this.#revision, theirs.revision ?? 0);
    this.#pending = true;
    return this.flush();
  }

  /** Use the other tab's version: it replaces what this tab shows. */
  takeTheirs(): void {
    const theirs = this.#conflict;
    if (!theirs) return;
    for (const source of this.#sources) source.apply(theirs.files, theirs.origin);
    this.#o.scheduler.clear(this.#timer);
    this.#pending = false;
    this.#conflict = undefined;
    this.#revision = theirs.revision ?? 0;
    this.#origin = theirs.origin;
    this.#o.onState({ kind: 'saved', at: theirs.updatedAt });
  }

  #merged(stored: Files | undefined): Files {
    // Merged with what is stored: a review-then-fix exercise keeps its review answer and its code in one record.
    return Object.assign({ ...stored }, ...this.#sources.map((s) => s.collect())) as Files;
  }

  #write(): boolean {
    const stored = this.#o.work.peek(this.exercise);
    const files = this.#merged(stored?.files);
    if (stored && (stored.revision ?? 0) !== this.#revision && !sameFiles(stored.files, files)) {
      // Another tab saved and its storage event has not reached us (or never will): ask, do not overwrite.
      this.#conflict = stored;
      this.#o.onState({ kind: 'conflict', theirs: stored });
      return false;
    }
    const revision = Math.max(this.#revision, stored?.revision ?? 0) + 1;
    const meta = this.#origin ? { revision, origin: this.#origin } : { revision };
    if (!this.#o.work.save(this.exercise, files, meta)) {
      // The notice from storage says why; keep the edit pending so the next keystroke or flush retries.
      return false;
    }
    this.#pending = false;
    this.#revision = revision;
    this.#o.onState({ kind: 'saved', at: (this.#o.now ?? (() => new Date()))().toISOString() });
    return true;
  }

  /** Leaving with an open conflict: keep both, the other tab's in place and this tab's beside it. */
  #setMineAside(): boolean {
    const key = `${QUARANTINE}${this.exercise}:other-tab:${(this.#o.now ?? (() => new Date()))().toISOString()}`;
    try {
      this.#o.storage.setItem(key, JSON.stringify({ exercise: this.exercise, files: this.#merged(undefined) }));
      this.#pending = false;
      this.#o.onState({ kind: 'set-aside-mine', key });
      return true;
    } catch {
      return false;
    }
  }
}

export function sameFiles(a: Files, b: Files): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
