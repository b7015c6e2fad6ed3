/**
 * A number that was quiet for long may belong to someone else now (carriers reassign numbers). None of these may
 * carry anything of the saved profile, plans or log: whoever reads them may be a stranger.
 */
export interface DormancyMessages {
  /** The question a dormant number gets instead of any answer, until it replies ME or NEW. */
  question(): string;
  /** ME: the user carries on with their saved profile (their earlier message is not replayed). */
  welcomeBack(): string;
  /** The one notice instead of a weekly plan to a dormant number. */
  weeklyPaused(): string;
}
