/** Progress over 7 or 30 days: weight against the goal, and the charts. */
import type { ProgressResponse } from '../../../service/src/http/api-types.ts';
import { api } from '../app-api.ts';
import { drawCharts } from '../charts.ts';
import { h } from '../dom.ts';
import { failure, show, w } from '../page-kit.ts';

export async function progressPage(days: 7 | 30): Promise<void> {
  const result = await api<ProgressResponse>(`/api/progress?days=${days}`);
  if (!result.ok) return show(w.progressTitle, failure(result.message));
  const toggle = h(
    'div',
    { class: 'toggle', role: 'group', 'aria-label': w.progressTitle },
    ...([7, 30] as const).map((n) => {
      const button = h(
        'button',
        { type: 'button', 'aria-pressed': String(n === days) },
        n === 7 ? w.days7 : w.days30,
      );
      button.addEventListener('click', () => void progressPage(n));
      return button;
    }),
  );
  const charts = h('div', { class: 'charts' });
  const p = result.data;
  const weight =
    p.weightKg === null
      ? null
      : h('p', {}, w.weight(p.weightKg, p.goalWeightKg === null ? '' : w.goalWeight(p.goalWeightKg)));
  show(w.progressTitle, toggle, weight, charts);
  drawCharts(charts, p, w);
}
