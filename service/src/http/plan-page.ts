import type { StoredPlan } from '../core/domain/stored-plan.ts';
import { stillToBuy } from '../core/planning/at-home.ts';
import { isSideMeal } from '../core/planning/plan-result.ts';
import { escapeHtml } from './pages.ts';

const SLOT_NAMES: Record<string, string> = {
  breakfast: 'Breakfast',
  lunch: 'Lunch',
  dinner: 'Dinner',
  snack: 'Snack',
};
const money = (amount: number) => `$${amount.toFixed(2)}`;

/** The full week behind a `/p/<token>` link: meals and portions per member, daily totals, the grocery list. Printable. */
export function planPage(brandName: string, stored: StoredPlan): string {
  const { plan } = stored;
  const names = plan.members.map((member) => member.name);
  // Members who joined from their own phone: their targets and totals follow from their body data, which stays
  // theirs; the account holder sees their name and portions only (issue 5).
  const ownPhone = new Set(stored.request.members.filter((m) => m.invitationId).map((m) => m.name));
  const days = plan.days
    .map((day) => {
      const meals = day.meals
        .map((meal) => {
          const portions = names
            .filter((name) => (meal.portions[name] ?? 0) > 0)
            .map(
              (name) =>
                `${escapeHtml(name)} ${isSideMeal(meal) ? `${meal.ingredients[0]?.grams ?? 0} g` : `${meal.portions[name]} serving(s)`}`,
            )
            .join(', ');
          return `<li><strong>${escapeHtml(SLOT_NAMES[meal.slot] ?? meal.slot)}:</strong> ${escapeHtml(meal.recipeName)} <span class="muted">(${portions})</span></li>`;
        })
        .join('');
      const totals = plan.members
        .map((member) => {
          const t = day.totals[member.name];
          return t && !ownPhone.has(member.name)
            ? `<li>${escapeHtml(member.name)}: ${t.kcal} of ${member.targets.kcal} kcal · protein ${t.proteinG} g · fibre ${t.fiberG} g · sodium ${t.sodiumMg} mg</li>`
            : '';
        })
        .join('');
      return `<section><h2>Day ${day.day}</h2><ul>${meals}</ul><ul class="totals">${totals}</ul></section>`;
    })
    .join('');
  // Items the user has at home ("have rice") are listed apart; the total is what is still to buy.
  const left = stillToBuy(plan.groceryList, stored.atHome);
  const have = plan.groceryList.filter((item) => !left.items.includes(item));
  // Who is planned, with each member's daily target; reference heights and weights are said to be estimates.
  const estimated = new Set(stored.request.members.filter((m) => m.estimated).map((m) => m.name));
  const household = plan.members
    .map((member) =>
      ownPhone.has(member.name)
        ? `<li>${escapeHtml(member.name)} <span class="muted">(joined from their own phone; their details stay private)</span></li>`
        : `<li>${escapeHtml(member.name)}: ${member.targets.kcal} kcal a day${estimated.has(member.name) ? ' <span class="muted">(height and weight estimated: send them for exact portions)</span>' : ''}</li>`,
    )
    .join('');
  const aisles = new Map<string, string[]>();
  for (const item of left.items) {
    const row = `<tr><td>${escapeHtml(item.name)}</td><td>${Math.round(item.grams)} g</td><td>${item.pantry ? 'pantry' : `${item.packages} × ${escapeHtml(item.packageLabel)}`}</td><td>${money(item.cost)}</td></tr>`;
    aisles.set(item.aisle, [...(aisles.get(item.aisle) ?? []), row]);
  }
  const grocery = [...aisles]
    .map(
      ([aisle, rows]) =>
        `<tr><th colspan="4">${escapeHtml(aisle.replace(/_/g, ' '))}</th></tr>${rows.join('')}`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(brandName)} – your week</title><style>body{font:15px/1.45 system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.2rem 0 .3rem}ul{margin:.2rem 0;padding-left:1.1rem}.muted,.totals{color:#52606d;font-size:.9em}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #e4e7eb}th{padding-top:.8rem;text-transform:capitalize}@media print{body{margin:0}section{break-inside:avoid}}</style></head><body><h1>${escapeHtml(brandName)}: your week</h1><p>${escapeHtml(plan.reason)} Prices are estimates. Check labels for "may contain" warnings. General wellness information, not medical advice.</p><h2>Who it is for</h2><ul>${household}</ul>${days}<h2>Shopping list</h2><table>${grocery}<tr><th colspan="3">${have.length > 0 ? 'Still to buy' : 'Total'}</th><th>${money(left.cost)}</th></tr></table>${have.length > 0 ? `<p class="muted">Already at home: ${have.map((item) => escapeHtml(item.name)).join(', ')}.</p>` : ''}</body></html>`;
}
