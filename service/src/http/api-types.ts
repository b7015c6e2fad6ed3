/**
 * The JSON shapes of the public web API, shared with `web/` (the only service file the browser may import).
 * Pure types: no imports, so bundling the web never pulls service code.
 */

/** Body of `POST /api/chat`: one message typed by the user. */
export interface ChatRequest {
  text: string;
}

/** Answer of `POST /api/chat`: the coach's replies, in the order they should be shown. */
export interface ChatResponse {
  replies: string[];
}

/** Answer of `GET /api/chat/updates`: messages delivered since the last call (e.g. a household plan), oldest first. */
export interface ChatUpdatesResponse {
  messages: string[];
}

/** Body of every non-2xx API answer; `message` is safe to show to the user. */
export interface ApiError {
  error: { code: string; message: string };
}
