/** Today's food log: a quick-add line (the coach parses it as in chat), the day's total and its entries. */
import type { ActionResponse, FoodLogResponse } from '../../../service/src/http/api-types.ts';
import { api } from '../app-api.ts';
import { h } from '../dom.ts';
import { failure, say, show, w } from '../page-kit.ts';

export async function logPage(message = ''): Promise<void> {
  const result = await api<FoodLogResponse>('/api/log/today');
  if (!result.ok) return show(w.logTitle, failure(result.message));
  const log = result.data;
  const input = h('input', {
    id: 'quick-add',
    name: 'text',
    maxlength: '1000',
    autocomplete: 'off',
    placeholder: w.quickAddHint,
  });
  const form = h(
    'form',
    { class: 'quick-add' },
    h('label', { for: 'quick-add' }, w.quickAdd),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, w.add)),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    const done = await api<ActionResponse<FoodLogResponse>>('/api/log', 'POST', { text });
    say(done.ok ? done.data.message : done.message);
    await logPage(done.ok ? done.data.message : done.message);
    document.getElementById('quick-add')?.focus();
  });
  const entries = log.entries.length
    ? h(
        'ul',
        { class: 'entries' },
        ...log.entries.map((e) => h('li', {}, `${e.name} — ${e.grams} g · ${e.kcal} kcal`)),
      )
    : h('p', {}, w.nothingLogged);
  const target = log.targets ? w.ofTarget(log.targets.kcal) : '';
  show(
    w.logTitle,
    form,
    message ? h('p', { class: 'reply' }, message) : null,
    h('p', { id: 'day-total' }, w.dayTotal(log.totals.kcal, target)),
    entries,
  );
}
