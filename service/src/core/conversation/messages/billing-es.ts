import type { BillingMessages } from './billing-catalog.ts';

export const billingEs: BillingMessages = {
  notEnabled: () =>
    'La facturación no está activada en este servidor: aquí todo es gratis y sin límites. Responde PLAN para una semana de comidas.',
  checkout: (tier, familyMembers) =>
    tier === 'family'
      ? `Familiar: todo lo de Premium para hasta ${familyMembers} personas de un hogar, con planes compartidos. Suscríbete de forma segura con Stripe en el siguiente enlace; responde SUSCRIPCIÓN cuando quieras para gestionarla o cancelarla.`
      : 'Premium: planes y cambios ilimitados, y respuestas más completas a tus preguntas. Suscríbete de forma segura con Stripe en el siguiente enlace; responde SUSCRIPCIÓN cuando quieras para gestionarla o cancelarla.',
  alreadySubscribed: (tier) =>
    `Ya tienes ${tier === 'family' ? 'el plan Familiar' : 'Premium'}. Responde SUSCRIPCIÓN para cambiarlo o cancelarlo.`,
  portal: () => 'Gestiona tu suscripción (tarjeta, facturas, plan, cancelar) en el siguiente enlace.',
  noSubscription: () =>
    'Aún no tienes suscripción. Responde PREMIUM para Premium, o PLAN FAMILIAR para el plan Familiar.',
  unavailable: () => 'No podemos conectar con el sistema de pagos ahora. Inténtalo de nuevo en unos minutos.',
  planLimit: (perWeek) =>
    `Ya hiciste ${perWeek === 1 ? 'tu plan gratis' : `tus ${perWeek} planes gratis`} de esta semana (${perWeek} por semana en la versión gratis); podrás hacer otro desde el lunes. Tu plan actual, el registro y los resúmenes siguen funcionando. Responde PREMIUM para planes ilimitados.`,
  swapLimit: (perWeek) =>
    `Ya usaste tus ${perWeek} cambios gratis de esta semana; vuelven el lunes. Responde PREMIUM para cambios ilimitados.`,
  householdNeedsFamily: (familyMembers) =>
    `Los planes para más de una persona son parte del plan Familiar (hasta ${familyMembers} personas). Responde PLAN FAMILIAR para suscribirte, o dime "solo yo" para un plan para ti.`,
  familyFull: (familyMembers) =>
    `Tu plan Familiar cubre hasta ${familyMembers} personas y tu hogar está completo. Quita a alguien antes de invitar a otra persona.`,
  // Short: Spanish is sent as UCS-2 (67 characters a segment) and the portal link must fit whole.
  paymentFailed: (portalUrl) =>
    `Hola: tu último pago no pasó; conservas tu plan. Actualiza tu tarjeta: ${portalUrl}`,
  familyLapsed: (ownerLast4) =>
    `El plan Familiar del hogar de …${ownerLast4} terminó, así que tus comidas ya no se planifican juntas. Tu propio asesor sigue aquí: responde PLAN para tu semana.`,
};
