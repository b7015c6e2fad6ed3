/**
 * Reads what the consistency check compares straight from the server's SQLite file (read-only, no adapter in
 * between), once the server has drained its queue and closed the database.
 */
import Database from 'better-sqlite3';
import type { StoresSnapshot } from './consistency.ts';

export function readSnapshot(file: string): StoresSnapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const users = db
      .prepare<[], { id: string; phone: string | null; web_session_id: string | null }>(
        'SELECT id, phone, web_session_id FROM users',
      )
      .all()
      .map((row) => ({ id: row.id, phone: row.phone, webSessionId: row.web_session_id }));
    const dialogues = db
      .prepare<[], { user_id: string; state: string; version: number }>(
        'SELECT user_id, state, version FROM dialogue_states',
      )
      .all()
      .map((row) => ({ userId: row.user_id, stage: stageOf(row.state), version: row.version }));
    const inboundLog = db
      .prepare<[], { user_id: string; body: string }>(
        "SELECT user_id, body FROM message_log WHERE direction = 'in'",
      )
      .all()
      .map((row) => ({ userId: row.user_id, body: row.body }));
    const receipts = db
      .prepare<[], { key: string; user_id: string | null; response_status: number | null }>(
        'SELECT key, user_id, response_status FROM webhook_receipts',
      )
      .all()
      .map((row) => ({ key: row.key, userId: row.user_id, completed: row.response_status !== null }));
    const plans = db
      .prepare<[], { user_id: string }>('SELECT DISTINCT user_id FROM plans')
      .all()
      .map((row) => ({ userId: row.user_id }));
    return { users, dialogues, inboundLog, receipts, plans };
  } finally {
    db.close();
  }
}

function stageOf(state: string): string {
  const parsed: unknown = JSON.parse(state);
  return typeof parsed === 'object' &&
    parsed !== null &&
    'stage' in parsed &&
    typeof parsed.stage === 'string'
    ? parsed.stage
    : 'unreadable';
}
