import { describe, expect, it } from 'vitest';
import { loggedPath } from '../../src/http/logged-path.ts';

describe('the path a request log line shows', () => {
  it('is the route pattern when a route with parameters answered', () => {
    expect(loggedPath('/p/abcdefghijklmnopqrstuv', '/p/:token')).toBe('/p/:token');
    expect(loggedPath('/m/3f1c2b9e', '/m/:id')).toBe('/m/:id');
  });

  it('redacts a bearer segment of a path no route matched, and keeps other paths whole', () => {
    expect(loggedPath('/p/abcdefghijklmnopqrstuv/extra', '/*')).toBe('/p/:redacted/extra');
    expect(loggedPath('/export/abcdefghijklmnopqrstuv/', undefined)).toBe('/export/:redacted/');
    expect(loggedPath('/signin/abc', '/*')).toBe('/signin/:redacted');
    expect(loggedPath('/api/plan', '/api/plan')).toBe('/api/plan');
    expect(loggedPath('/privacy', '/*')).toBe('/privacy');
    expect(loggedPath('/plans/x', '/*')).toBe('/plans/x');
  });
});
