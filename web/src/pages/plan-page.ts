/** The week's plan: each day's meals and totals, a swap button per main dish, and the week's cost. */
import type { ActionResponse, PlanResponse } from '../../../service/src/http/api-types.ts';
import { api } from '../app-api.ts';
import { h, money } from '../dom.ts';
import { failure, lang, say, show, w } from '../page-kit.ts';

export async function planPage(): Promise<void> {
  const result = await api<PlanResponse>('/api/plan');
  if (!result.ok) return show(w.planTitle, failure(result.status === 404 ? w.noPlan : result.message));
  const plan = result.data;
  const print = h('button', { type: 'button', class: 'no-print' }, w.print);
  print.addEventListener('click', () => window.print());
  const days = plan.days.map((day) => {
    const date = new Date(`${day.date}T12:00:00Z`).toLocaleDateString(lang, {
      weekday: 'long',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const meals = day.meals.map((meal) => {
      const portions = meal.portions
        .map((p) => `${p.member} ${p.grams !== undefined ? `${p.grams} g` : w.servings(p.servings ?? 0)}`)
        .join(', ');
      const swap = meal.side
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'small no-print',
              'aria-label': w.swapLabel(w.slots[meal.slot] ?? meal.slot, date),
            },
            w.swap,
          );
      swap?.addEventListener('click', async () => {
        swap.disabled = true;
        say('…');
        const done = await api<ActionResponse<PlanResponse>>('/api/plan/swap', 'POST', {
          day: day.day,
          slot: meal.slot,
        });
        say(done.ok ? done.data.message : done.message);
        await planPage();
      });
      return h(
        'li',
        { class: 'meal' },
        h('span', { class: 'slot' }, w.slots[meal.slot] ?? meal.slot),
        h('span', { class: 'recipe' }, meal.recipeName, h('small', {}, ` (${portions})`)),
        swap,
      );
    });
    const totals = day.totals.map((t) =>
      h('li', {}, `${t.member}: ${t.kcal} kcal · ${t.proteinG} g protein`),
    );
    return h(
      'section',
      { class: 'day', 'aria-label': date },
      h('h2', {}, date, plan.today === day.day ? h('small', {}, ` · ${w.today}`) : null),
      h('ul', { class: 'meals' }, ...meals),
      h('ul', { class: 'totals' }, ...totals),
    );
  });
  show(
    w.planTitle,
    h('p', {}, w.weekCost(money(plan.cost.total), money(plan.cost.budget)), ' ', print),
    ...days,
  );
}
