/**
 * A message that reports eating: "had 2 eggs", "I ate a banana", "for lunch I had…", "comí un plátano". Only
 * these go to the food-log parser, so ordinary chat that happens to name a food is never logged by accident.
 */
const LOG_OPENERS =
  /^\s*(?:(?:i |just |i just )?(?:had|ate)|(?:for|at) (?:breakfast|lunch|dinner|supper|snack),? (?:i )?(?:had|ate)|log(?:ged)?|(?:me )?com[ií]|desayun[eé]|almorc[eé]|cen[eé]|merend[eé]|tom[eé])(?=[\s,.!:]|$)/i;

export function isFoodLog(text: string): boolean {
  return LOG_OPENERS.test(text);
}
