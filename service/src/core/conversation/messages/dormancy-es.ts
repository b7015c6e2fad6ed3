import type { DormancyMessages } from './dormancy-catalog.ts';

export const dormancyEs: DormancyMessages = {
  question: () =>
    '¡Hola de nuevo! Este número estuvo inactivo y los números se reasignan. Responde YO para seguir con tu perfil guardado, o NUEVO para empezar de cero (se borran perfil, planes y registro).',
  welcomeBack: () => '¡Qué bueno verte de nuevo! ¿Qué puedo hacer por ti hoy?',
  weeklyPaused: () =>
    'Pausamos tus planes semanales porque este número no nos escribe desde hace tiempo. Responde a este mensaje para reanudarlos.',
};
