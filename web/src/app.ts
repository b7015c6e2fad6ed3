/**
 * The dashboard (app.html): plan, groceries, today's log, progress, household and settings of the signed-in user,
 * one hash route per page. Every action is a call to the service's API, which runs the coach's own use cases.
 */
import type {
  ActionResponse,
  FoodLogResponse,
  GroceryItemView,
  GroceryResponse,
  HouseholdResponse,
  PlanResponse,
  ProgressResponse,
  SessionResponse,
  SettingsResponse,
  Weekday,
} from '../../service/src/http/api-types.ts';
import { accountDataSection } from './account-data.ts';
import { api } from './app-api.ts';
import { type Lang, WORDS, type Words } from './app-i18n.ts';
import { drawCharts } from './charts.ts';
import { field, h, money } from './dom.ts';
import { householdActions, removeButtons } from './household-actions.ts';
import { phoneLinkSection } from './phone-link.ts';
import { personSection } from './settings-person.ts';

const PAGES = ['plan', 'grocery', 'log', 'progress', 'household', 'settings'] as const;
type PageName = (typeof PAGES)[number];
const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
let lang: Lang = 'en';
let w: Words = WORDS.en;
/** Whether the account has a phone: a web-only one is offered to attach one in Settings. */
let hasPhone = true;

function currentPage(): PageName {
  const name = location.hash.slice(1);
  return (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'plan';
}

function say(text: string): void {
  status.textContent = text;
}

function setLang(next: Lang): void {
  lang = next;
  w = WORDS[next];
  document.documentElement.lang = next;
  (document.getElementById('skip') as HTMLElement).textContent = w.skip;
  (document.getElementById('disclaimer') as HTMLElement).textContent = w.disclaimer;
}

function renderNav(signedIn: boolean): void {
  const page = currentPage();
  const links = [
    h('li', {}, h('a', { href: '/' }, w.nav.chat)),
    ...PAGES.map((name) =>
      h(
        'li',
        {},
        h('a', { href: `#${name}`, 'aria-current': name === page ? 'page' : undefined }, w.nav[name]),
      ),
    ),
  ];
  const out = signedIn
    ? h('button', { type: 'button', class: 'link-button', id: 'sign-out' }, w.signOut)
    : null;
  out?.addEventListener('click', async () => {
    await api('/api/session/logout', 'POST', {});
    location.href = '/';
  });
  nav.replaceChildren(h('ul', {}, ...links, out && h('li', {}, out)));
}

function show(title: string, ...content: (Node | null)[]): void {
  main.replaceChildren(
    h('h1', { tabindex: '-1', id: 'page-title' }, title),
    ...content.filter((n) => n !== null),
  );
}

async function render(): Promise<void> {
  const session = await api<SessionResponse>('/api/session');
  if (session.ok) setLang(session.data.locale);
  hasPhone = !session.ok || session.data.hasPhone;
  const known = session.ok && session.data.known;
  renderNav(session.ok && session.data.signedIn);
  if (!known) {
    show(w.nav.plan, h('p', {}, w.signedOut), h('p', {}, h('a', { href: '/', class: 'button' }, w.openChat)));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  const page = currentPage();
  if (page === 'plan') await planPage();
  else if (page === 'grocery') await groceryPage();
  else if (page === 'log') await logPage();
  else if (page === 'progress') await progressPage(7);
  else if (page === 'household') await householdPage();
  else await settingsPage();
  main.removeAttribute('aria-busy');
}

function failure(message: string): HTMLElement {
  return h('p', { class: 'notice' }, message);
}

async function planPage(): Promise<void> {
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

async function groceryPage(): Promise<void> {
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

async function logPage(message = ''): Promise<void> {
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

async function progressPage(days: 7 | 30): Promise<void> {
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

async function householdPage(): Promise<void> {
  const result = await api<HouseholdResponse>('/api/household');
  if (!result.ok) return show(w.householdTitle, failure(result.message));
  const data = result.data;
  const removals = removeButtons(lang, data, say, householdPage);
  show(
    w.householdTitle,
    data.adults === null ? null : h('p', {}, w.adultsChildren(data.adults, data.children ?? 0)),
    h('h2', {}, w.planMembers),
    data.planMembers.length
      ? h('ul', {}, ...data.planMembers.map((name) => h('li', {}, name)))
      : h('p', {}, w.noPlan),
    h('h2', {}, w.invitations),
    data.invitations.length
      ? h(
          'ul',
          {},
          ...data.invitations.map((i, n) =>
            h('li', {}, `${i.name} (${i.maskedPhone}): ${w.status[i.status] ?? i.status} `, removals[n]),
          ),
        )
      : h('p', {}, w.noInvitations),
    householdActions(lang, data, say, householdPage),
  );
}

async function settingsPage(): Promise<void> {
  const result = await api<SettingsResponse>('/api/settings');
  if (!result.ok) return show(w.settingsTitle, failure(result.message));
  const s = result.data;
  const language = h(
    'select',
    { id: 'language' },
    h('option', { value: 'en', selected: s.locale === 'en' }, 'English'),
    h('option', { value: 'es', selected: s.locale === 'es' }, 'Español'),
  );
  const zone = h('input', { id: 'time-zone', value: s.timeZone, autocomplete: 'off' });
  const diet = h(
    'select',
    { id: 'diet' },
    ...Object.entries(w.diets).map(([value, text]) =>
      h('option', { value, selected: s.diet === value }, text),
    ),
  );
  const budget = h('input', {
    id: 'budget',
    type: 'number',
    min: '1',
    step: '1',
    inputmode: 'decimal',
    value: s.budget ? String(s.budget.amount) : '',
  });
  const weekly = h('input', { id: 'weekly', type: 'checkbox', checked: s.weeklyDelivery?.active ?? false });
  const weekday = h(
    'select',
    { id: 'weekday' },
    ...WEEKDAYS.map((day, i) =>
      h('option', { value: day, selected: s.weeklyDelivery?.weekday === day }, w.weekdays[i] ?? day),
    ),
  );
  const form = h(
    'form',
    { class: 'settings' },
    field(w.language, language),
    field(w.timeZone, zone),
    field(w.diet, diet),
    field(w.budget, budget),
    h('div', { class: 'field check' }, weekly, h('label', { for: 'weekly' }, w.weekly)),
    field(w.weekday, weekday),
    h('button', { type: 'submit' }, w.save),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const amount = Number(budget.value);
    // Only what changed: saving the language must not turn weekly delivery off (or on).
    const weeklyChanged =
      weekly.checked !== (s.weeklyDelivery?.active ?? false) ||
      (weekly.checked && weekday.value !== s.weeklyDelivery?.weekday);
    const done = await api<ActionResponse<SettingsResponse>>('/api/settings', 'PATCH', {
      locale: language.value,
      timeZone: zone.value.trim(),
      ...(diet.value !== (s.diet ?? 'omnivore') ? { diet: diet.value } : {}),
      ...(amount > 0 && amount !== s.budget?.amount ? { budget: { amount, period: 'week' } } : {}),
      ...(weeklyChanged ? { weeklyDelivery: { active: weekly.checked, weekday: weekday.value } } : {}),
    });
    if (done.ok) setLang(done.data.data.locale);
    say(done.ok ? [w.saved, done.data.message].filter(Boolean).join(' ') : done.message);
    if (done.ok) {
      renderNav(true);
      await settingsPage();
    }
  });
  show(
    w.settingsTitle,
    form,
    personSection(lang, s, say, settingsPage),
    hasPhone ? null : phoneLinkSection(lang, say, () => void render()),
    ...accountDataSection(w, say),
  );
}

// The skip link moves focus without changing the route.
document.getElementById('skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', () => {
  void render().then(() => document.getElementById('page-title')?.focus());
});
void render();
