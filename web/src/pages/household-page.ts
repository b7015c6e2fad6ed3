/** The household: who the plan feeds, the invitations sent, and the invite (or leave) actions. */
import type { HouseholdResponse } from '../../../service/src/http/api-types.ts';
import { api } from '../app-api.ts';
import { h } from '../dom.ts';
import { householdActions, removeButtons } from '../household-actions.ts';
import { failure, lang, say, show, w } from '../page-kit.ts';

export async function householdPage(): Promise<void> {
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
