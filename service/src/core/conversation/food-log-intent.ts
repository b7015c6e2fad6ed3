/**
 * A message that reports eating: "had 2 eggs", "I ate a banana", "for lunch I had…", "comí un plátano". Only
 * these go to the food-log parser, so ordinary chat that happens to name a food is never logged by accident.
 */
const LOG_OPENERS =
  /^\s*(?:(?:i |just |i just |i've |ive |i have )?(?:had|ate|eaten|drank|drunk)|(?:for|at) (?:breakfast|lunch|dinner|supper|snack),? (?:i )?(?:had|ate|drank)|log(?:ged)?|(?:me )?com[ií]|desayun[eé]|almorc[eé]|cen[eé]|merend[eé]|(?:me )?tom[eé]|beb[ií])(?=[\s,.!:]|$)/i;

/** "breakfast: 2 eggs", "lunch was a can of tuna", "cena: salmón": a meal named, then what it was. */
const MEAL_LABEL =
  /^\s*(?:my )?(?:breakfast|brunch|lunch|dinner|supper|snacks?|desayuno|almuerzo|comida|cena|merienda)\s*(?::|-|was\b|were\b|fue\b)/i;

export function isFoodLog(text: string): boolean {
  return LOG_OPENERS.test(text) || MEAL_LABEL.test(text);
}
