/**
 * A small in-process metrics registry rendering the Prometheus text exposition format (version 0.0.4): counters
 * and histograms with labels, nothing else. Values live in this process; `GET /metrics` serves them and a
 * Prometheus server scrapes each instance. Pure TypeScript (no I/O), so core code can count what it does.
 *
 * Label values must be bounded — a route pattern, a status, a provider — never a raw path, a phone number or a
 * message: past `MAX_SERIES_PER_METRIC` distinct label sets, new ones are counted under `_other` instead of
 * growing memory without bound.
 */
export type Labels = Readonly<Record<string, string>>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const MAX_SERIES_PER_METRIC = 500;
const OVERFLOW = '_other';

/** Prometheus' own default buckets, in seconds: from 5 ms to 10 s. */
export const DEFAULT_DURATION_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  /** The current value of one series (0 when never counted); for tests and the bench. */
  value(labels?: Labels): number;
}

export interface Histogram {
  observe(labels: Labels, value: number): void;
  /** How many observations one series has (0 when none). */
  count(labels?: Labels): number;
}

interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  render(): string[];
}

export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric>();

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    const series = new SeriesMap<{ value: number }>(name, labelNames);
    const counter: Counter = {
      inc: (labels = {}, by = 1) => {
        if (!Number.isFinite(by) || by < 0) throw new RangeError(`${name}: a counter only goes up`);
        series.get(labels, () => ({ value: 0 })).value += by;
      },
      value: (labels = {}) => series.peek(labels)?.value ?? 0,
    };
    this.#add({
      name,
      help,
      type: 'counter',
      render: () => series.entries().map(([key, { value }]) => `${name}${key} ${formatNumber(value)}`),
    });
    return counter;
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[] = DEFAULT_DURATION_BUCKETS,
  ): Histogram {
    if (labelNames.includes('le')) throw new RangeError(`${name}: "le" is the bucket label`);
    const bounds = [...buckets].sort((a, b) => a - b);
    if (bounds.length === 0 || bounds.some((bound) => !Number.isFinite(bound)))
      throw new RangeError(`${name}: buckets must be finite numbers`);
    const series = new SeriesMap<{ counts: number[]; sum: number; count: number }>(name, labelNames);
    const histogram: Histogram = {
      observe: (labels, value) => {
        if (!Number.isFinite(value)) return;
        const state = series.get(labels, () => ({ counts: bounds.map(() => 0), sum: 0, count: 0 }));
        bounds.forEach((bound, index) => {
          if (value <= bound) state.counts[index] = (state.counts[index] ?? 0) + 1;
        });
        state.sum += value;
        state.count += 1;
      },
      count: (labels = {}) => series.peek(labels)?.count ?? 0,
    };
    this.#add({
      name,
      help,
      type: 'histogram',
      render: () =>
        series
          .entries()
          .flatMap(([, state, labels]) => [
            ...bounds.map(
              (bound, index) =>
                `${name}_bucket${labelText({ ...labels, le: formatNumber(bound) })} ${state.counts[index] ?? 0}`,
            ),
            `${name}_bucket${labelText({ ...labels, le: '+Inf' })} ${state.count}`,
            `${name}_sum${labelText(labels)} ${formatNumber(state.sum)}`,
            `${name}_count${labelText(labels)} ${state.count}`,
          ]),
    });
    return histogram;
  }

  /** Every metric in the text format, `# HELP` and `# TYPE` first; a metric with no series yet shows only those. */
  render(): string {
    const lines: string[] = [];
    for (const metric of this.#metrics.values()) {
      lines.push(`# HELP ${metric.name} ${metric.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
      lines.push(`# TYPE ${metric.name} ${metric.type}`);
      lines.push(...metric.render());
    }
    return `${lines.join('\n')}\n`;
  }

  #add(metric: Metric): void {
    if (!NAME.test(metric.name)) throw new RangeError(`Invalid metric name: ${metric.name}`);
    if (this.#metrics.has(metric.name)) throw new RangeError(`Metric registered twice: ${metric.name}`);
    this.#metrics.set(metric.name, metric);
  }
}

/** Content type of the text format, for the HTTP response. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

class SeriesMap<T> {
  readonly #series = new Map<string, { state: T; labels: Labels }>();

  constructor(
    private readonly name: string,
    private readonly labelNames: readonly string[],
  ) {
    for (const label of labelNames)
      if (!LABEL_NAME.test(label) || label.startsWith('__'))
        throw new RangeError(`${name}: invalid label name ${label}`);
  }

  get(labels: Labels, create: () => T): T {
    let normalised = this.#normalise(labels);
    let key = labelText(normalised);
    let found = this.#series.get(key);
    if (found === undefined && this.#series.size >= MAX_SERIES_PER_METRIC) {
      normalised = Object.fromEntries(this.labelNames.map((label) => [label, OVERFLOW]));
      key = labelText(normalised);
      found = this.#series.get(key);
    }
    if (found === undefined) {
      found = { state: create(), labels: normalised };
      this.#series.set(key, found);
    }
    return found.state;
  }

  peek(labels: Labels): T | undefined {
    return this.#series.get(labelText(this.#normalise(labels)))?.state;
  }

  entries(): [string, T, Labels][] {
    return [...this.#series.entries()].map(([key, { state, labels }]) => [key, state, labels]);
  }

  /** Exactly the declared labels, in declared order: a missing one is an empty string, an unknown one an error. */
  #normalise(labels: Labels): Labels {
    for (const label of Object.keys(labels))
      if (!this.labelNames.includes(label)) throw new RangeError(`${this.name}: unknown label ${label}`);
    return Object.fromEntries(this.labelNames.map((label) => [label, labels[label] ?? '']));
  }
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(
    ([label, value]) =>
      `${label}="${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`,
  );
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
