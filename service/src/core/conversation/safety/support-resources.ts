/**
 * Support lines named in safety replies (United States). Review them yearly: helplines change (NEDA's closed).
 *
 * - 988 Suicide & Crisis Lifeline: call or text 988, free, any time. Spanish: call 988 and press 2, or text AYUDA
 *   to 988 (Spanish text and chat since July 2023). https://988lifeline.org/get-help/what-to-expect ("Spanish-language
 *   (Press 2)", "Spanish-language (text AYUDA)").
 * - ANAD Eating Disorder Helpline: 1-888-375-7767. https://anad.org/eating-disorder-helpline/
 * - The NEDA helpline closed on 1 June 2023 and its "Tessa" chatbot was withdrawn for giving calorie-deficit advice
 *   (https://www.additudemag.com/neda-eating-disorder-helpline-shuts-down/): it must not be offered.
 * - 911 for immediate danger.
 */
export const CRISIS_LINE = '988';
export const ANAD_HELPLINE = '1-888-375-7767';
export const EMERGENCY_NUMBER = '911';
/** The key that reaches 988's Spanish-language counsellors on a call. */
export const CRISIS_LINE_SPANISH_KEY = 'marca 2';

/** Every number a safety reply may contain where numbers are otherwise banned (tests strip these). */
export const RESOURCE_NUMBERS: readonly string[] = [
  ANAD_HELPLINE,
  CRISIS_LINE,
  EMERGENCY_NUMBER,
  CRISIS_LINE_SPANISH_KEY,
];
