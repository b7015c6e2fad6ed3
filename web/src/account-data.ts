import { api } from './app-api.ts';
import type { Words } from './app-i18n.ts';
import { field, h } from './dom.ts';

/**
 * Settings' "your data": download everything (a one-use export link, answered as an attachment) and erase the
 * account, confirmed only by DELETE ALL / BORRAR TODO exactly as in chat (the server checks it).
 */
export function accountDataSection(w: Words, say: (text: string) => void): Node[] {
  const download = h('button', { type: 'button', id: 'download' }, w.download);
  download.addEventListener('click', async () => {
    const link = await api<{ url: string }>('/api/export', 'POST', {});
    if (!link.ok) return say(link.message);
    // Same origin, one use: the server answers it as an attachment.
    location.assign(new URL(link.data.url).pathname);
  });
  const confirm = h('input', {
    id: 'delete-confirm',
    autocomplete: 'off',
    'aria-describedby': 'delete-warning',
  });
  const erase = h('button', { type: 'button', class: 'danger', id: 'delete' }, w.deleteButton);
  erase.addEventListener('click', async () => {
    const done = await api<{ deleted: boolean }>('/api/account/delete', 'POST', { confirm: confirm.value });
    if (!done.ok) return say(done.message);
    location.href = '/';
  });
  return [
    h('h2', {}, w.yourData),
    h('p', {}, download),
    h('h2', {}, w.deleteTitle),
    h('p', { id: 'delete-warning' }, w.deleteWarning),
    field(w.deleteLabel, confirm),
    h('p', {}, erase),
  ];
}
