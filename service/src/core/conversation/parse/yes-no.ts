import { normalize } from './normalize.ts';
import { withCorrection } from './text.ts';

export type YesNo = 'yes' | 'no';

const YES =
  /^(?:y+e+s+|y|ye+a+h*|yea|ya|yep|yup|sure(?: thing)?|o+k+|okay|okey|k|kk|alright|all right|absolutely|of course|definitely|certainly|correct|right|sounds (?:good|great)|go ahead|do it|let'?s do it|please do|si+|sip|claro(?: que si)?|dale|vale|por supuesto|de acuerdo|afirmativo|👍|👌|✅)$/u;
const NO =
  /^(?:no+|n|nope|nop|nah|not really|not now|negative|no way|never|no no|nunca|para nada|nel|de ninguna manera|👎|❌)$/u;
const LEADING = /^(yes|yeah|yep|sure|ok|okay|si|claro|no|nope|nah)\s*[,.!;:-]/;
const POLITE = /\s*(?:please|pls|plz|thanks|thank you|thx|ty|gracias|por favor)$/;

function fromText(text: string): YesNo | undefined {
  let clean = text.replace(/^[\s,.!]+|[\s,.!?]+$/gu, '');
  // "yes please", "no thanks", "no gracias": drop polite words at the end (but not a whole "thanks").
  for (let stripped = clean.replace(POLITE, ''); stripped !== clean && stripped.length > 0; ) {
    clean = stripped.replace(/[\s,.!]+$/, '');
    stripped = clean.replace(POLITE, '');
  }
  if (YES.test(clean)) return 'yes';
  if (NO.test(clean)) return 'no';
  // "ok ok", "si claro", "yes yes": every word a yes (or every word a no).
  const words = clean.split(/[\s,!.]+/u).filter((w) => w.length > 0);
  if (words.length > 1 && words.every((w) => YES.test(w))) return 'yes';
  if (words.length > 1 && words.every((w) => NO.test(w))) return 'no';
  const leading = LEADING.exec(clean)?.[1];
  if (leading === undefined) return undefined;
  return ['no', 'nope', 'nah'].includes(leading) ? 'no' : 'yes';
}

/**
 * A yes/no answer to a pending question, or undefined. The whole message must be a yes or no phrase (polite
 * words allowed), or start with one followed by punctuation ("yes, I'm vegetarian"); "no idea" and "maybe" are
 * not answers. A correction ("no wait, yes") takes the corrected answer. STOP/START/HELP are compliance keywords
 * handled before any parser and are not read here.
 */
export function parseYesNo(text: string): YesNo | undefined {
  return withCorrection(normalize(text), fromText);
}
