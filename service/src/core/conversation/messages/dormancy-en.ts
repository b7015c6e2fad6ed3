import type { DormancyMessages } from './dormancy-catalog.ts';

export const dormancyEn: DormancyMessages = {
  question: () =>
    'Welcome back! This number was quiet for a while and numbers get reassigned. Reply ME to continue with your saved profile, or NEW to start fresh (the saved profile, plans and log are erased).',
  welcomeBack: () => 'Welcome back! What can I do for you today?',
  weeklyPaused: () =>
    "We paused your weekly meal plans because we haven't heard from this number in a while. Reply to this message to resume them.",
};
