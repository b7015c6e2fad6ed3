/** The grocery list by aisle; checking an item off marks it as already at home. */
import type {
  ActionResponse,
  GroceryItemView,
  GroceryResponse,
} from '../../../service/src/http/api-types.ts';
import { api } from '../app-api.ts';
import { h, money } from '../dom.ts';
import { failure, say, show, w } from '../page-kit.ts';

export async function groceryPage(): Promise<void> {
  const result = await api<GroceryResponse>('/api/grocery');
  if (!result.ok) return show(w.groceryTitle, failure(result.status === 404 ? w.noPlan : result.message));
  const list = result.data;
  const aisles = new Map<string, GroceryItemView[]>();
  for (const item of list.items) aisles.set(item.aisle, [...(aisles.get(item.aisle) ?? []), item]);
  const sections = [...aisles].map(([aisle, items]) =>
    h(
      'section',
      { class: 'aisle' },
      h('h2', {}, aisle.replace(/_/g, ' ')),
      h(
        'ul',
        { class: 'grocery' },
        ...items.map((item) => {
          const id = `have-${item.foodId}`;
          const box = h('input', { type: 'checkbox', id, checked: item.atHome });
          box.addEventListener('change', async () => {
            box.disabled = true;
            const done = await api<ActionResponse<GroceryResponse>>('/api/grocery/at-home', 'POST', {
              foodId: item.foodId,
              atHome: box.checked,
            });
            say(done.ok ? done.data.message : done.message);
            await groceryPage();
            document.getElementById(id)?.focus();
          });
          const amount = item.pantry
            ? `${Math.round(item.grams)} g (${w.pantry})`
            : `${item.packages} × ${item.packageLabel}`;
          return h(
            'li',
            { class: item.atHome ? 'have' : '' },
            box,
            h(
              'label',
              { for: id },
              h('span', { class: 'name' }, item.name),
              h('span', { class: 'visually-hidden' }, ` — ${w.alreadyHave}`),
            ),
            h('span', { class: 'amount' }, amount),
            h('span', { class: 'cost' }, money(item.cost)),
          );
        }),
      ),
    ),
  );
  show(
    w.groceryTitle,
    h('p', { id: 'to-buy' }, w.toBuy(money(list.toBuyCost), money(list.totalCost))),
    h('p', { class: 'muted' }, `☑ = ${w.alreadyHave}`),
    ...sections,
  );
}
