import { describe, expect, it } from 'vitest';
import { MAX_SERIES_PER_METRIC, MetricsRegistry } from './metrics-registry.ts';

describe('MetricsRegistry', () => {
  it('renders counters in the Prometheus text format, HELP and TYPE first, one line per label set', () => {
    const registry = new MetricsRegistry();
    const plain = registry.counter('jobs_total', 'Jobs run');
    const labelled = registry.counter('http_requests_total', 'Requests', ['method', 'route', 'status']);
    plain.inc();
    plain.inc({}, 2);
    labelled.inc({ method: 'GET', route: '/p/:token', status: '200' });
    labelled.inc({ status: '404', route: '/*', method: 'GET' });
    labelled.inc({ method: 'GET', route: '/p/:token', status: '200' });
    expect(registry.render()).toBe(
      [
        '# HELP jobs_total Jobs run',
        '# TYPE jobs_total counter',
        'jobs_total 3',
        '# HELP http_requests_total Requests',
        '# TYPE http_requests_total counter',
        'http_requests_total{method="GET",route="/p/:token",status="200"} 2',
        'http_requests_total{method="GET",route="/*",status="404"} 1',
        '',
      ].join('\n'),
    );
    expect(labelled.value({ method: 'GET', route: '/p/:token', status: '200' })).toBe(2);
    expect(labelled.value({ method: 'POST', route: '/p/:token', status: '200' })).toBe(0);
  });

  it('renders cumulative histogram buckets, +Inf, sum and count', () => {
    const registry = new MetricsRegistry();
    const histogram = registry.histogram('duration_seconds', 'Time', ['route'], [0.1, 1]);
    histogram.observe({ route: '/a' }, 0.05);
    histogram.observe({ route: '/a' }, 0.5);
    histogram.observe({ route: '/a' }, 3);
    expect(registry.render().split('\n')).toEqual([
      '# HELP duration_seconds Time',
      '# TYPE duration_seconds histogram',
      'duration_seconds_bucket{route="/a",le="0.1"} 1',
      'duration_seconds_bucket{route="/a",le="1"} 2',
      'duration_seconds_bucket{route="/a",le="+Inf"} 3',
      'duration_seconds_sum{route="/a"} 3.55',
      'duration_seconds_count{route="/a"} 3',
      '',
    ]);
    expect(histogram.count({ route: '/a' })).toBe(3);
  });

  it('escapes label values and help text', () => {
    const registry = new MetricsRegistry();
    registry.counter('x_total', 'a\\b\nc', ['v']).inc({ v: 'quote " back \\ line \n' });
    expect(registry.render()).toContain('# HELP x_total a\\\\b\\nc');
    expect(registry.render()).toContain('x_total{v="quote \\" back \\\\ line \\n"} 1');
  });

  it('refuses bad names, unknown labels, duplicates and counters going down', () => {
    const registry = new MetricsRegistry();
    expect(() => registry.counter('bad-name', 'x')).toThrow(RangeError);
    expect(() => registry.counter('ok_total', 'x', ['bad-label'])).toThrow(RangeError);
    const counter = registry.counter('ok_total', 'x', ['a']);
    expect(() => registry.counter('ok_total', 'x')).toThrow(RangeError);
    expect(() => counter.inc({ b: '1' })).toThrow(RangeError);
    expect(() => counter.inc({ a: '1' }, -1)).toThrow(RangeError);
    expect(() => registry.histogram('h', 'x', ['le'])).toThrow(RangeError);
  });

  it('bounds the number of series: past the limit new label sets count under _other', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter('paths_total', 'x', ['route']);
    for (let i = 0; i < MAX_SERIES_PER_METRIC + 50; i++) counter.inc({ route: `/r/${i}` });
    const lines = registry
      .render()
      .split('\n')
      .filter((line) => line.startsWith('paths_total'));
    expect(lines).toHaveLength(MAX_SERIES_PER_METRIC + 1);
    expect(lines.at(-1)).toBe('paths_total{route="_other"} 50');
  });
});
