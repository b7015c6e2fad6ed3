import type { AbuseMessages } from './abuse-catalog.ts';

export const abuseEs: AbuseMessages = {
  slowDown: () =>
    'Me escribes más rápido de lo que puedo responder. Haré una pausa de unos minutos y luego seguimos. STOP y AYUDA siempre funcionan.',
  busy: () =>
    'Estoy recibiendo muchos mensajes ahora mismo. Inténtalo de nuevo en un minuto. STOP y AYUDA siempre funcionan.',
  countryNotAllowed: () => 'Lo siento, todavía no puedo enviar SMS a números de ese país.',
  tooManyNewNumbers: () =>
    'Lo siento, ahora mismo no puedo escribir a números nuevos de ese país. Inténtalo de nuevo dentro de una hora.',
};
