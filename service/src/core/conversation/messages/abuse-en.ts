import type { AbuseMessages } from './abuse-catalog.ts';

export const abuseEn: AbuseMessages = {
  slowDown: () =>
    "You're sending messages faster than I can answer. I'll pause for a few minutes, then pick up again. STOP and HELP always work.",
  busy: () =>
    "I'm getting a lot of messages right now. Please try again in a minute. STOP and HELP always work.",
  countryNotAllowed: () => "Sorry, I can't send text messages to numbers in that country yet.",
  tooManyNewNumbers: () =>
    "Sorry, I can't text new numbers in that country right now. Please try again in an hour.",
};
