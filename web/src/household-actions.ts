/**
 * Household page actions: invite by number, remove (or cancel) an invitation, leave a household. The server runs
 * the chat's household use case; its reply, in the user's language, is what the page says.
 */
import type { HouseholdResponse } from '../../service/src/http/api-types.ts';
import { api } from './app-api.ts';
import type { Lang } from './app-i18n.ts';
import { field, h } from './dom.ts';

const en = {
  invite: 'Invite someone',
  phone: 'Their phone number (with country code)',
  name: 'Their name (optional)',
  relation: 'Who they are',
  relations: {
    partner: 'Partner',
    child: 'Child',
    parent: 'Parent',
    grandparent: 'Grandparent',
    sibling: 'Sibling',
    other: 'Other',
  } as Record<string, string>,
  send: 'Send invitation',
  remove: (name: string) => `Remove ${name}`,
  member: (last4: string) => `You are in the household of the number ending in ${last4}.`,
  leave: 'Leave this household',
};
type Words = typeof en;
const es: Words = {
  invite: 'Invitar a alguien',
  phone: 'Su número de teléfono (con prefijo de país)',
  name: 'Su nombre (opcional)',
  relation: 'Quién es',
  relations: {
    partner: 'Pareja',
    child: 'Hijo o hija',
    parent: 'Padre o madre',
    grandparent: 'Abuelo o abuela',
    sibling: 'Hermano o hermana',
    other: 'Otra persona',
  },
  send: 'Enviar invitación',
  remove: (name) => `Quitar a ${name}`,
  member: (last4) => `Estás en el hogar del número terminado en ${last4}.`,
  leave: 'Salir de este hogar',
};
const WORDS: Record<Lang, Words> = { en, es };

/** Remove buttons for the invitation list, in its order. */
export function removeButtons(
  lang: Lang,
  data: HouseholdResponse,
  say: (text: string) => void,
  done: () => Promise<void>,
): HTMLElement[] {
  return data.invitations.map((invitation) => {
    const button = h('button', { type: 'button', class: 'link-button' }, WORDS[lang].remove(invitation.name));
    button.addEventListener('click', async () => {
      const result = await api<{ message: string }>('/api/household/remove', 'POST', {
        invitationId: invitation.id,
      });
      say(result.ok ? result.data.message : result.message);
      if (result.ok) await done();
    });
    return button;
  });
}

/** The invite form, or (for a member of someone else's household) the Leave button. */
export function householdActions(
  lang: Lang,
  data: HouseholdResponse,
  say: (text: string) => void,
  done: () => Promise<void>,
): HTMLElement {
  const w = WORDS[lang];
  if (data.membership) {
    const leave = h('button', { type: 'button', class: 'danger', id: 'leave-household' }, w.leave);
    leave.addEventListener('click', async () => {
      const result = await api<{ message: string }>('/api/household/leave', 'POST', {});
      say(result.ok ? result.data.message : result.message);
      if (result.ok) await done();
    });
    return h('section', {}, h('p', {}, w.member(data.membership.ownerLast4)), h('p', {}, leave));
  }
  const phone = h('input', { id: 'invite-phone', type: 'tel', autocomplete: 'off', inputmode: 'tel' });
  const name = h('input', { id: 'invite-name', autocomplete: 'off', maxlength: '30' });
  const relation = h(
    'select',
    { id: 'invite-relation' },
    ...Object.entries(w.relations).map(([value, text]) => h('option', { value }, text)),
  );
  const form = h(
    'form',
    { class: 'settings', id: 'invite' },
    field(w.phone, phone),
    field(w.name, name),
    field(w.relation, relation),
    h('button', { type: 'submit' }, w.send),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const who = name.value.trim();
    const result = await api<{ message: string }>('/api/household/invite', 'POST', {
      // Spaces, dashes and brackets are how people write numbers; the server takes E.164 only.
      phone: phone.value.replace(/[\s().-]/g, ''),
      relation: relation.value,
      ...(who ? { name: who } : {}),
    });
    say(result.ok ? result.data.message : result.message);
    if (result.ok) await done();
  });
  return h('section', { 'aria-labelledby': 'invite-title' }, h('h2', { id: 'invite-title' }, w.invite), form);
}
