import { matchRules, type SignalRule } from './signal-rule.ts';

/**
 * Suicidal or self-harm statements. Never negatable: "I'm not suicidal, but…" still gets the crisis line first,
 * because a missed crisis costs far more than a caring reply sent once too often. Hyperbole that names no harm to
 * oneself ("to die for", "dying to try", "me muero de hambre") does not match.
 */
const RULES: readonly SignalRule[] = [
  {
    name: 'self-harm',
    pattern:
      /\b(?:kill|kil|killing|hurt|hurting|harm|harming|cut|cutting|unalive|hang)\s+(?:my ?self|myself)\b|\bself[- ]?harm\w*/,
  },
  { name: 'suicide', pattern: /\bsuicid\w*/ },
  {
    name: 'wish-to-die',
    pattern:
      /\b(?:want|wanna|going|gonna|ready) (?:to )?die\b|\bwant to be dead\b|\bwish (?:i|i'd) (?:was|were|had) (?:dead|never been born)\b|\bbetter off (?:dead|without me)\b|\bbetter off if i (?:was|were|am|died) ?(?:dead|gone)?\b/,
  },
  {
    name: 'end-life',
    pattern:
      /\bend (?:my|my own) life\b|\bend it all\b|\btake my (?:own )?life\b|\b(?:don'?t|do not|dont) want to (?:live|be alive|exist|wake up)\b|\bno reason to live\b|\bthinking (?:of|about) (?:ending it|ending my life|not being here|not waking up)\b/,
  },
  {
    name: 'self-harm-es',
    pattern:
      /\b(?:me )?quiero morir\w*|\bme voy a matar\b|\bmatarme\b(?! de hambre)|\bquitarme la vida\b|\bno quiero (?:seguir )?vivir\b|\bhacerme dano\b|\blastimarme\b|\bcortarme\b|\bacabar con (?:todo|mi vida)\b|\bmejor muert[oa]\b|\bquiero estar muert[oa]\b|\b(?:sentido (?:a|de) (?:la )?vida|sentido a vivir|no vale la pena vivir)\b/,
  },
];

export function selfHarmSignals(text: string): string[] {
  return matchRules(text, RULES);
}
