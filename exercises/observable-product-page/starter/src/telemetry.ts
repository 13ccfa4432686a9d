/**
 * A small, in-memory stand-in for an OpenTelemetry SDK: the same concepts (spans with a parent, a kind,
 * attributes and a status; histograms and counters with attributes), an exporter that keeps everything
 * so tests can query it, and a clock the service's dependencies advance, so durations are exact.
 */
export type Attributes = Record<string, string | number | boolean>;

export class Clock {
  private ms = 0;
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface FinishedSpan {
  id: number;
  parentId: number | undefined;
  name: string;
  kind: 'server' | 'client' | 'internal';
  attributes: Attributes;
  status: { code: 'unset' | 'ok' | 'error'; message?: string };
  events: { name: string; attributes: Attributes }[];
  startMs: number;
  endMs: number;
}

export class Span {
  readonly attributes: Attributes = {};
  status: FinishedSpan['status'] = { code: 'unset' };
  private readonly events: FinishedSpan['events'] = [];
  private readonly startMs: number;
  private ended = false;

  constructor(
    private readonly telemetry: Telemetry,
    readonly id: number,
    readonly name: string,
    readonly kind: FinishedSpan['kind'],
    readonly parentId: number | undefined,
  ) {
    this.startMs = telemetry.clock.now();
  }

  setAttribute(key: string, value: string | number | boolean): this {
    this.attributes[key] = value;
    return this;
  }

  setStatus(status: FinishedSpan['status']): this {
    this.status = status;
    return this;
  }

  /** Records an exception event, as OpenTelemetry's recordException does (exception.type, exception.message). */
  recordException(error: unknown): this {
    const e = error instanceof Error ? error : new Error(String(error));
    this.events.push({ name: 'exception', attributes: { 'exception.type': e.name, 'exception.message': e.message } });
    return this;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.telemetry.spans.push({
      id: this.id,
      parentId: this.parentId,
      name: this.name,
      kind: this.kind,
      attributes: { ...this.attributes },
      status: { ...this.status },
      events: [...this.events],
      startMs: this.startMs,
      endMs: this.telemetry.clock.now(),
    });
  }
}

export interface MetricPoint {
  name: string;
  kind: 'histogram' | 'counter';
  unit: string;
  value: number;
  attributes: Attributes;
}

/** Everything the service emits, kept in memory: `spans` once ended, `metrics` as recorded. */
export class Telemetry {
  readonly spans: FinishedSpan[] = [];
  readonly metrics: MetricPoint[] = [];
  private nextId = 1;

  constructor(readonly clock: Clock) {}

  /** Starts a span; pass `parent` to make it a child. Call `end()` on it when the work is done. */
  startSpan(name: string, options: { kind?: FinishedSpan['kind']; parent?: Span; attributes?: Attributes } = {}): Span {
    const span = new Span(this, this.nextId++, name, options.kind ?? 'internal', options.parent?.id);
    for (const [k, v] of Object.entries(options.attributes ?? {})) span.setAttribute(k, v);
    return span;
  }

  /** Records one value of a histogram, e.g. a request duration. */
  histogram(name: string, unit: string, value: number, attributes: Attributes = {}): void {
    this.metrics.push({ name, kind: 'histogram', unit, value, attributes: { ...attributes } });
  }

  /** Adds to a counter, e.g. one cache lookup. */
  counter(name: string, value: number, attributes: Attributes = {}): void {
    this.metrics.push({ name, kind: 'counter', unit: '1', value, attributes: { ...attributes } });
  }
}
