/**
 * Renders the conversation: one `<li>` bubble per message, built from text nodes only (never innerHTML), so
 * whatever the user or the server sends is shown as text.
 */
import { appendLinkified } from './linkify.ts';

export type Author = 'user' | 'coach' | 'error';

// Screen readers hear who is speaking; sighted users see it from the bubble's side and colour.
const SPOKEN_AUTHOR: Record<Author, string> = { user: 'You', coach: 'Coach', error: 'Error' };

export interface MessageListElements {
  list: HTMLOListElement;
  /** The element that scrolls: new messages keep it pinned to the bottom. */
  scroller: HTMLElement;
  typing: HTMLElement;
  hint: HTMLElement;
}

export class MessageList {
  readonly #elements: MessageListElements;

  constructor(elements: MessageListElements) {
    this.#elements = elements;
  }

  add(author: Author, text: string): HTMLLIElement {
    this.#elements.hint.hidden = true;
    const item = document.createElement('li');
    item.className = `bubble bubble--${author}`;
    const speaker = document.createElement('span');
    speaker.className = 'visually-hidden';
    speaker.textContent = `${SPOKEN_AUTHOR[author]}: `;
    item.append(speaker);
    // Only the coach's replies carry links; the user's own text and error messages stay plain.
    if (author === 'coach') appendLinkified(item, text);
    else item.append(document.createTextNode(text));
    this.#elements.list.append(item);
    this.scrollToEnd();
    return item;
  }

  setTyping(visible: boolean): void {
    this.#elements.typing.hidden = !visible;
    if (visible) this.scrollToEnd();
  }

  private scrollToEnd(): void {
    const { scroller } = this.#elements;
    scroller.scrollTop = scroller.scrollHeight;
  }
}
