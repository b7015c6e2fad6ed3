/**
 * Settings: a web-only user attaches a phone. Two small forms — the number, then the 6-digit code texted to it.
 * What each step says (sent, wrong code, number taken …) is the server's own message in the user's language.
 */
import { api } from './app-api.ts';
import type { Lang } from './app-i18n.ts';
import { field, h } from './dom.ts';

const WORDS: Record<
  Lang,
  { title: string; intro: string; phone: string; send: string; code: string; verify: string }
> = {
  en: {
    title: 'Add your phone',
    intro:
      'Link a number to text the coach too. We send a 6-digit code to it; nothing is merged with another account.',
    phone: 'Phone number (with country code, e.g. +15551234567)',
    send: 'Text me a code',
    code: '6-digit code',
    verify: 'Link this number',
  },
  es: {
    title: 'Añade tu teléfono',
    intro:
      'Vincula un número para escribirle también al coach. Le enviamos un código de 6 dígitos; no se fusiona con otra cuenta.',
    phone: 'Número de teléfono (con prefijo de país, p. ej. +34600123456)',
    send: 'Envíame un código',
    code: 'Código de 6 dígitos',
    verify: 'Vincular este número',
  },
};

/** The section, for a user without a phone; `say` shows a line in the page's status region. */
export function phoneLinkSection(lang: Lang, say: (text: string) => void, onLinked: () => void): HTMLElement {
  const words = WORDS[lang];
  const phone = h('input', { id: 'link-phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel' });
  const code = h('input', {
    id: 'link-code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: '6',
    pattern: '[0-9]{6}',
  });
  const codeForm = h(
    'form',
    { class: 'settings', hidden: true },
    field(words.code, code),
    h('button', { type: 'submit' }, words.verify),
  );
  const phoneForm = h(
    'form',
    { class: 'settings' },
    field(words.phone, phone),
    h('button', { type: 'submit' }, words.send),
  );
  phoneForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Spaces, dashes and brackets are how people write numbers; the server takes E.164 only.
    const number = phone.value.replace(/[\s().-]/g, '');
    const sent = await api<{ message: string }>('/api/phone/code', 'POST', { phone: number });
    say(sent.ok ? sent.data.message : sent.message);
    if (sent.ok) {
      codeForm.hidden = false;
      code.focus();
    }
  });
  codeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await api<{ message: string }>('/api/phone/verify', 'POST', { code: code.value.trim() });
    say(done.ok ? done.data.message : done.message);
    if (done.ok) onLinked();
  });
  return h(
    'section',
    { 'aria-labelledby': 'phone-link-title' },
    h('h2', { id: 'phone-link-title' }, words.title),
    h('p', {}, words.intro),
    phoneForm,
    codeForm,
  );
}
