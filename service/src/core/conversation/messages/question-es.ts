import type { QuestionMessages } from './question-catalog.ts';

export const questionEs: QuestionMessages = {
  noAnswer: () =>
    "Perdona, no tengo una respuesta fiable a eso. Respondo preguntas de nutrición como '¿cuánta fibra necesito?'. También puedo hacer un PLAN semanal, mostrar tu PERFIL o anotar lo que comiste.",
  lookingItUp: () => 'Déjame buscarlo — te escribo la respuesta en un momento.',
};
