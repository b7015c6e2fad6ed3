/**
 * What the dashboard's pages share with its shell (app.ts): the main region they fill, the status line they speak
 * through, and the page's language. The language is module state read through live bindings, so a page always
 * sees the one set last (by the session on every render, or by Settings when it saves a new one).
 */
import { type Lang, WORDS, type Words } from './app-i18n.ts';
import { h } from './dom.ts';

export const main = document.getElementById('main') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
export let lang: Lang = 'en';
export let w: Words = WORDS.en;

export function say(text: string): void {
  status.textContent = text;
}

export function setLang(next: Lang): void {
  lang = next;
  w = WORDS[next];
  document.documentElement.lang = next;
  (document.getElementById('skip') as HTMLElement).textContent = w.skip;
  (document.getElementById('disclaimer') as HTMLElement).textContent = w.disclaimer;
}

export function show(title: string, ...content: (Node | null)[]): void {
  main.replaceChildren(
    h('h1', { tabindex: '-1', id: 'page-title' }, title),
    ...content.filter((n) => n !== null),
  );
}

export function failure(message: string): HTMLElement {
  return h('p', { class: 'notice' }, message);
}
