import type { Relation } from '../../domain/profile.ts';
import type { Locale } from '../../domain/user.ts';
import type { Brand } from '../messages/index.ts';

/**
 * What the coach says about household invitations (issue 5), EN and ES, SMS-sized. An invitee's number appears
 * only as its last four digits; a member's own details never appear in a message to the owner.
 */
export interface InvitationMessages {
  /** The owner's words for a member: "Ana (wife)", "wife", "member". */
  label(name: string | undefined, relationWord: string | undefined): string;
  /** The word for a relation when the owner gave none ("invite +1 555…"). */
  relationWord(relation: Relation): string;
  invitationSent(label: string, last4: string, hours: number): string;
  badNumber(): string;
  ownNumber(): string;
  /** Opted out, in another household, or invited by someone else: the same words, so nothing is revealed. */
  cannotInvite(): string;
  alreadyInvited(label: string, last4: string): string;
  tooMany(max: number): string;
  unavailable(): string;
  /** The message the invitee gets on their own phone. */
  invitation(brand: Brand, ownerLast4: string, relationWord: string | undefined, hours: number): string;
  /** Added to the consent question when an invitation waits for that number. */
  invitationAfterConsent(): string;
  /** Asked right after consent is given. */
  askToJoin(ownerLast4: string): string;
  joined(): string;
  /** To the owner. */
  memberJoined(label: string): string;
  declined(): string;
  expired(): string;
  memberComplete(): string;
  memberPlan(ownerLast4: string): string;
  left(): string;
  /** To the owner, without the member's name: after leaving nothing of them reaches the owner. */
  memberLeft(): string;
  notAMember(): string;
  removed(label: string): string;
  cancelled(label: string): string;
  /** To the member the owner removed. */
  removedYou(ownerLast4: string): string;
  noOneCalled(who: string): string;
  list(lines: string[]): string;
  listLine(label: string, last4: string, joined: boolean): string;
  emptyList(): string;
}

const EN_RELATIONS: Record<Relation, string> = {
  partner: 'partner',
  child: 'child',
  parent: 'parent',
  grandparent: 'grandparent',
  sibling: 'sibling',
  other: 'member',
};
const ES_RELATIONS: Record<Relation, string> = {
  partner: 'pareja',
  child: 'hijo/a',
  parent: 'madre/padre',
  grandparent: 'abuelo/a',
  sibling: 'hermano/a',
  other: 'miembro',
};

const en: InvitationMessages = {
  label: (name, relationWord) =>
    name ? `${name} (${relationWord ?? 'member'})` : (relationWord ?? 'member'),
  relationWord: (relation) => EN_RELATIONS[relation],
  invitationSent: (label, last4, hours) =>
    `I've sent an invitation to ${label} at the number ending in ${last4}. They join only by replying YES from their own phone within ${hours} hours; until then nothing is shared. FAMILY shows who is in.`,
  badNumber: () =>
    "That number doesn't look complete. Send it with the country code, e.g. 'add my wife +1 555 123 4567'.",
  ownNumber: () => "That's your own number: send the number of the person you want to invite.",
  cannotInvite: () => "Sorry, I can't send an invitation to that number.",
  alreadyInvited: (label, last4) =>
    `${label} at the number ending in ${last4} is already invited or in your household. FAMILY shows who is in.`,
  tooMany: (max) => `A household can have up to ${max} members by phone. REMOVE <name> makes room.`,
  unavailable: () => "Sorry, household invitations aren't available here yet.",
  invitation: (brand, ownerLast4, relationWord, hours) =>
    `${brand.name}: the person at the number ending in ${ownerLast4} invited you${relationWord ? ` (as their ${relationWord})` : ''} to share a weekly meal plan. Reply YES to join (your own details stay private) or NO. Expires in ${hours} h. Msg & data rates may apply. Reply STOP to opt out.`,
  invitationAfterConsent: () =>
    "Once you agree, I'll ask whether you want to join the household that invited you.",
  askToJoin: (ownerLast4) =>
    `Thanks! Now the invitation: join the household of the number ending in ${ownerLast4}? They would see your name, that you are in and your portions in the shared plan, never your messages, weight or health details. Reply YES to join or NO.`,
  joined: () =>
    "You've joined the household. Your portions will be in their plan; your details stay private.",
  memberJoined: (label) =>
    `${label} joined your household. Reply PLAN for a plan with their portions. FAMILY shows who is in.`,
  declined: () => "OK, you haven't joined: nothing is shared.",
  expired: () => 'That invitation is no longer open: nothing is shared.',
  memberComplete: () =>
    "You're all set! Your portions will be in your household's plan; your details stay private. Text LEAVE FAMILY to leave at any time.",
  memberPlan: (ownerLast4) =>
    `Your household's plan is made by the number ending in ${ownerLast4}, with your portions in it. Text LEAVE FAMILY to plan on your own.`,
  left: () => "You've left the household: nothing more of yours is shared with them.",
  memberLeft: () => 'A member left your household. Your next plan is for the rest of you: reply PLAN.',
  notAMember: () => "You're not in anyone else's household.",
  removed: (label) => `${label} is no longer in your household; your next plan is without them.`,
  cancelled: (label) => `I've cancelled the invitation to ${label}.`,
  removedYou: (ownerLast4) =>
    `You're no longer in the household of the number ending in ${ownerLast4}; nothing of yours is shared with them.`,
  noOneCalled: (who) => `No one called '${who}' is in your household. FAMILY shows who is.`,
  list: (lines) => `Your household by phone: ${lines.join('; ')}. REMOVE <name> removes someone.`,
  listLine: (label, last4, joined) =>
    `${label}, ending in ${last4}: ${joined ? 'joined' : 'invited, waiting for YES'}`,
  emptyList: () => "No one is in your household by phone yet. Invite someone: 'add my wife +1 555 123 4567'.",
};

const es: InvitationMessages = {
  label: (name, relationWord) =>
    name ? `${name} (${relationWord ?? 'miembro'})` : (relationWord ?? 'miembro'),
  relationWord: (relation) => ES_RELATIONS[relation],
  invitationSent: (label, last4, hours) =>
    `Invitación enviada a ${label}, número terminado en ${last4}. Se une solo si responde SÍ desde su teléfono en ${hours} horas; hasta entonces no se comparte nada.`,
  badNumber: () =>
    "Ese número parece incompleto. Envíalo con el código de país, p. ej. 'añade a mi esposa +34 600 123 456'.",
  ownNumber: () => 'Ese es tu propio número: envía el de la persona que quieres invitar.',
  cannotInvite: () => 'Lo siento, no puedo enviar una invitación a ese número.',
  alreadyInvited: (label, last4) =>
    `${label} (número terminado en ${last4}) ya está invitado/a o en tu familia. MI FAMILIA muestra quién está.`,
  tooMany: (max) => `Una familia puede tener hasta ${max} miembros por teléfono. QUITA <nombre> hace sitio.`,
  unavailable: () => 'Lo siento, las invitaciones familiares aún no están disponibles aquí.',
  invitation: (brand, ownerLast4, relationWord, hours) =>
    `${brand.name}: el número terminado en ${ownerLast4} te invitó${relationWord ? ` (como su ${relationWord})` : ''} a compartir su plan de comidas. Responde SÍ para unirte o NO. Caduca en ${hours} h. PARAR para no recibir más.`,
  invitationAfterConsent: () => 'Cuando aceptes, te preguntaré si quieres unirte a la familia que te invitó.',
  askToJoin: (ownerLast4) =>
    `¡Gracias! ¿Te unes a la familia del número terminado en ${ownerLast4}? Verían tu nombre, que estás en ella y tus porciones del plan, nunca tus mensajes, peso ni salud. Responde SÍ o NO.`,
  joined: () => 'Te uniste a la familia. Tus porciones estarán en su plan; tus datos siguen privados.',
  memberJoined: (label) =>
    `${label} se unió a tu familia. Responde PLAN para un plan con sus porciones. MI FAMILIA muestra quién está.`,
  declined: () => 'De acuerdo, no te uniste: no se comparte nada.',
  expired: () => 'Esa invitación ya no está abierta: no se comparte nada.',
  memberComplete: () =>
    '¡Listo! Tus porciones estarán en el plan de tu familia; tus datos siguen privados. Escribe SALIR DE LA FAMILIA cuando quieras.',
  memberPlan: (ownerLast4) =>
    `El plan de tu familia lo pide el número terminado en ${ownerLast4}, con tus porciones. Escribe SALIR DE LA FAMILIA para planear por tu cuenta.`,
  left: () => 'Saliste de la familia: ya no se comparte nada tuyo con ellos.',
  memberLeft: () => 'Un miembro salió de tu familia. Tu próximo plan es para los demás: responde PLAN.',
  notAMember: () => 'No estás en la familia de nadie.',
  removed: (label) => `${label} ya no está en tu familia; tu próximo plan es sin esa persona.`,
  cancelled: (label) => `Cancelé la invitación a ${label}.`,
  removedYou: (ownerLast4) =>
    `Ya no estás en la familia del número terminado en ${ownerLast4}; no se comparte nada tuyo con ellos.`,
  noOneCalled: (who) => `No hay nadie llamado '${who}' en tu familia. MI FAMILIA muestra quién está.`,
  list: (lines) => `Tu familia por teléfono: ${lines.join('; ')}. QUITA <nombre> quita a alguien.`,
  listLine: (label, last4, joined) =>
    `${label}, terminado en ${last4}: ${joined ? 'se unió' : 'invitación pendiente de SÍ'}`,
  emptyList: () => "Nadie está en tu familia por teléfono. Invita así: 'añade a mi esposa +34 600 123 456'.",
};

const catalogs: Record<Locale, InvitationMessages> = { en, es };

export function invitationMessagesFor(locale: Locale): InvitationMessages {
  return catalogs[locale];
}
