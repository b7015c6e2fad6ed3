/**
 * Settings: language, time zone, diet, budget and weekly delivery; then the sections of their own files (about you,
 * adding a phone, your data).
 */
import type { ActionResponse, SettingsResponse, Weekday } from '../../../service/src/http/api-types.ts';
import { accountDataSection } from '../account-data.ts';
import { api } from '../app-api.ts';
import { field, h } from '../dom.ts';
import { failure, lang, say, setLang, show, w } from '../page-kit.ts';
import { phoneLinkSection } from '../phone-link.ts';
import { personSection } from '../settings-person.ts';

const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** What Settings needs from the shell, passed in so the page never imports app.ts back. */
export interface SettingsShell {
  /** Whether the account has a phone (as of the last render): a web-only one is offered to attach one. */
  hasPhone: () => boolean;
  /** Redraws the nav of a signed-in user (its words follow a new language). */
  renderNav: () => void;
  /** Renders the current route again (after a phone is linked). */
  render: () => Promise<void>;
}

export async function settingsPage(shell: SettingsShell): Promise<void> {
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
      shell.renderNav();
      await settingsPage(shell);
    }
  });
  show(
    w.settingsTitle,
    form,
    personSection(lang, s, say, () => settingsPage(shell)),
    shell.hasPhone() ? null : phoneLinkSection(lang, say, () => void shell.render()),
    ...accountDataSection(w, say),
  );
}
