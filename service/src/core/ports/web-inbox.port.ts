/**
 * Messages for web-chat users made by queued work (a household plan, a slow answer, an invitation's notice), kept
 * until the chat page asks for them: where a runtime has no in-process outbox (AWS, where the worker and the HTTP
 * function are different containers). Unread messages expire (`WEB_INBOX_RETENTION_MS`) so they do not pile up.
 */
export interface WebInbox {
  /**
   * Keeps `body` for the user. `key` names the message: a key already delivered to this user is not stored again
   * (`duplicate`), so a job that runs twice delivers once — also after the first copy was read.
   */
  deliver(userId: string, key: string, body: string, now: Date): Promise<'stored' | 'duplicate'>;
  /**
   * The user's unexpired messages not taken before, oldest first, and removes them: each message is returned by
   * one call only, also when two calls race.
   */
  takeNew(userId: string, now: Date): Promise<string[]>;
}

/** How long an unread web message is kept: a week, then the chat would show stale news. */
export const WEB_INBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
