/**
 * Wires the chat page: the composer sends one message at a time, the replies (or an error) land in the list.
 */
import { sendChatMessage } from './chat-api.ts';
import { MessageList } from './message-list.ts';

// A dashboard route (the sign-in link lands on /#plan) belongs to the dashboard page.
if (/^#(plan|grocery|log|progress|household|settings)$/.test(location.hash)) {
  location.replace(`/app.html${location.hash}`);
}

// The textarea grows with its content up to this height, then scrolls.
const MAX_INPUT_HEIGHT_PX = 160;

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`chat page is missing #${id}`);
  return element;
}

const form = byId('composer', HTMLFormElement);
const input = byId('message-input', HTMLTextAreaElement);
const sendButton = byId('send-button', HTMLButtonElement);
const messages = new MessageList({
  list: byId('messages', HTMLOListElement),
  scroller: byId('conversation', HTMLElement),
  typing: byId('typing', HTMLElement),
  hint: byId('hint', HTMLElement),
});

let sending = false;

function updateSendButton(): void {
  sendButton.disabled = sending || input.value.trim() === '';
}

function fitInputHeight(): void {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, MAX_INPUT_HEIGHT_PX)}px`;
}

function setInput(text: string): void {
  input.value = text;
  fitInputHeight();
  updateSendButton();
}

async function send(): Promise<void> {
  const text = input.value.trim();
  if (sending || text === '') return;
  sending = true;
  messages.add('user', text);
  setInput('');
  // Clicking Send moves focus to the button, which is about to be disabled: keep the keyboard on the input.
  input.focus();
  messages.setTyping(true);
  const result = await sendChatMessage(text);
  messages.setTyping(false);
  sending = false;
  if (result.ok) {
    for (const reply of result.replies) messages.add('coach', reply);
  } else {
    messages.add('error', result.message);
    // Give the message back so retrying is one keypress; keep anything typed meanwhile after it.
    const typedMeanwhile = input.value.trim();
    setInput(typedMeanwhile === '' ? text : `${text}\n${typedMeanwhile}`);
  }
  updateSendButton();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void send();
});

input.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter is a newline; an IME composition's Enter confirms the word instead of sending.
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  void send();
});

input.addEventListener('input', () => {
  fitInputHeight();
  updateSendButton();
});

updateSendButton();
