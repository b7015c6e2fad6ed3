/** Paths whose next segment is a bearer secret: whoever holds it sees a plan, an export, a sign-in or a message. */
const BEARER_PATH = /^\/(p|export|signin|m)\/[^/]+/;

/**
 * The path to log for a request: the route pattern (`/p/:token`) when a route with parameters answered, and
 * otherwise the path with any bearer segment replaced, so a link read from the logs opens nothing.
 */
export function loggedPath(pathname: string, routePath: string | undefined): string {
  if (routePath?.includes(':')) return routePath;
  return pathname.replace(BEARER_PATH, (_match, prefix: string) => `/${prefix}/:redacted`);
}
