import type { QuestionMessages } from './question-catalog.ts';

export const questionEn: QuestionMessages = {
  noAnswer: () =>
    "Sorry, I don't have a reliable answer to that. I answer general nutrition questions, e.g. 'how much fibre do I need?' or 'are frozen vegetables healthy?'. I can also make a PLAN for the week, show your PROFILE or log what you ate.",
  lookingItUp: () => "Let me look that up — I'll text you the answer in a moment.",
};
