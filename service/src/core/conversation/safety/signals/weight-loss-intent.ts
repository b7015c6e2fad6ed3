/**
 * "Lose weight" in its everyday forms, English and Spanish: used for minors, for whom any weight-loss plan is off
 * (project reference, "Safety": 13–17, no deficit plans). "Diet" alone is not intent ("my diet is vegetarian").
 */
export const WEIGHT_LOSS_INTENT =
  /\b(?:lose|loose|lost|losing|drop|shed|cut)\s+(?:some\s+|more\s+|(?:\d+(?:[.,]\d+)?)\s*(?:more\s+)?)?(?:weight|fat|kg|kgs|kilos?|lbs?|pounds?|stones?)\b|\bweight ?loss\b|\bslim(?:ming)? down\b|\bget (?:skinny|skinnier|thin|thinner)\b|\b(?:a|on a|go on a|start a|need a|want a) diet\b|\bdiet(?:ing)?\s+(?:plan|to lose)\b|\bdieting\b|\bdeficit\b|\bcut(?:ting)? (?:calories|carbs)\b|\bburn fat\b|\b(?:bajar|perder)\s+(?:de\s+)?(?:peso|\d+(?:[.,]\d+)?\s*(?:kilos?|kg|libras?))|\badelgaz\w*|\b(?:una|a|hacer|ponerme a|ponerla a|ponerlo a) dieta\b|\bdeficit calorico\b/g;

/** True when someone other than the sender ("my son wants to lose…", "put her on a diet") is to lose weight. */
export function someoneElseLosing(text: string): boolean {
  for (const match of text.matchAll(WEIGHT_LOSS_INTENT)) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (!/\bi\b|\bi'?m\b|\bquiero\b|\bnecesito\b/.test(before)) return true;
  }
  return false;
}
