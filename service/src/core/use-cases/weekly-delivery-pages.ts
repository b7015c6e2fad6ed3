import type { WeeklySubscription } from '../domain/weekly-delivery.ts';
import type { WeeklyDeliveryStore, WeeklySubscriptionPage } from '../ports/weekly-delivery-store.port.ts';
import { queueIfDue, type WeeklyDeliveryDeps } from './weekly-delivery.ts';

export interface WeeklyScanOptions {
  /** Subscriptions read and checked per page; a page's users are checked concurrently. */
  pageSize: number;
  /** Start after this user id (a stopped scan's `next`). */
  after?: string;
  /** Asked before each page after the first: false stops the scan there (the function's time is running out). */
  continueWhile?: () => boolean;
}

export interface WeeklyScanResult {
  queued: { userId: string; week: string }[];
  pages: number;
  /** Active subscriptions read. */
  read: number;
  /** False when `continueWhile` stopped the scan before the last page. */
  complete: boolean;
  /** Where a stopped scan would go on from. */
  next?: string;
}

/**
 * The scheduler's tick on AWS: the same per-user rule as `runWeeklyDeliveries` (due in the user's zone and window,
 * consented, not opted out, a profile that can make a plan), read a page at a time so one invocation never holds
 * every subscription, and stoppable between pages. Jobs are keyed by user and week, so a page checked twice (a
 * retried or overlapping invocation) only queues jobs that find the week already sent.
 */
export async function queueDueWeeklyPlansInPages(
  deps: WeeklyDeliveryDeps,
  options: WeeklyScanOptions,
): Promise<WeeklyScanResult> {
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${options.pageSize}`);
  }
  const now = deps.clock.now();
  const result: WeeklyScanResult = { queued: [], pages: 0, read: 0, complete: true };
  const readPage = pageReader(deps.stores.weeklyDelivery);
  let after = options.after;
  for (;;) {
    if (result.pages > 0 && options.continueWhile?.() === false) {
      result.complete = false;
      if (after !== undefined) result.next = after;
      break;
    }
    const page = await readPage({ limit: options.pageSize, ...(after === undefined ? {} : { after }) });
    result.pages++;
    result.read += page.subscriptions.length;
    const jobs = await Promise.all(page.subscriptions.map((row) => queueIfDue(deps, row, now)));
    for (const job of jobs) if (job) result.queued.push(job);
    if (page.next === undefined) break;
    after = page.next;
  }
  deps.logger.info('weekly_scan_finished', {
    queued: result.queued.length,
    pages: result.pages,
    read: result.read,
    complete: result.complete,
  });
  return result;
}

type PageReader = (page: { limit: number; after?: string }) => Promise<WeeklySubscriptionPage>;

/** The store's own pages, or pages cut from its full list (read once per scan) when it has none. */
function pageReader(store: WeeklyDeliveryStore): PageReader {
  const ownPages = store.listActivePage?.bind(store);
  if (ownPages) return ownPages;
  let all: Promise<WeeklySubscription[]> | undefined;
  return async ({ limit, after }) => {
    all ??= store.listActive();
    return pageOf(await all, limit, after);
  };
}

/** Up to `limit` rows (sorted by user id) after the id `after`, and the cursor when more follow. */
export function pageOf(
  rows: readonly WeeklySubscription[],
  limit: number,
  after?: string,
): WeeklySubscriptionPage {
  const rest = after === undefined ? rows : rows.filter((row) => row.userId > after);
  const subscriptions = rest.slice(0, limit).map((row) => ({ ...row }));
  const last = subscriptions.at(-1);
  return rest.length > limit && last ? { subscriptions, next: last.userId } : { subscriptions };
}
