import type { BillingEffect } from '../billing/billing-effect.ts';
import { closestWord } from '../logging/fuzzy.ts';
import type { Decision } from './conversation-types.ts';
import { normalize } from './parse/normalize.ts';

const MAX_LENGTH = 80;

/** Words that carry no meaning here ("cancel MY subscription", "pasar A premium"). */
const FILLER = new Set([
  'my',
  'mi',
  'the',
  'to',
  'i',
  'want',
  'quiero',
  'please',
  'por',
  'favor',
  'me',
  'a',
  'al',
  'de',
  'el',
  'la',
  'go',
  'get',
  'our',
]);

const VOCABULARY = [
  'upgrade',
  'premium',
  'family',
  'familiar',
  'plan',
  'billing',
  'subscription',
  'suscripcion',
  'subscripcion',
  'facturacion',
  'cancel',
  'cancelar',
  'manage',
  'gestionar',
  'pasar',
  'portal',
];

/** Whole messages, as words after fillers go and typos are corrected. Anything else is not about billing. */
const PHRASES: ReadonlyMap<string, BillingEffect> = new Map<string, BillingEffect>([
  ...['upgrade', 'premium', 'upgrade premium', 'premium plan', 'plan premium', 'pasar premium'].map(
    (phrase) => [phrase, { kind: 'billing_upgrade', tier: 'premium' }] as const,
  ),
  ...[
    'family plan',
    'upgrade family',
    'upgrade family plan',
    'family premium',
    'premium family',
    'plan familiar',
    'premium familiar',
    'pasar plan familiar',
  ].map((phrase) => [phrase, { kind: 'billing_upgrade', tier: 'family' }] as const),
  ...[
    'billing',
    'manage billing',
    'billing portal',
    'subscription',
    'manage subscription',
    'cancel subscription',
    'suscripcion',
    'subscripcion',
    'facturacion',
    'cancelar suscripcion',
    'cancelar subscripcion',
    'gestionar suscripcion',
  ].map((phrase) => [phrase, { kind: 'billing_portal' }] as const),
]);

/**
 * The billing words of a ready user. Strict on purpose: the whole message must be one of the phrases, so "plan"
 * stays a plan request and a food question never becomes a payment link. The single word CANCEL is an opt-out
 * keyword and is handled long before this.
 */
export function parseBillingIntent(text: string): BillingEffect | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const words = (normalize(text).match(/[a-z]+/g) ?? [])
    .filter((word) => !FILLER.has(word))
    .map((word) => (VOCABULARY.includes(word) ? word : (closestWord(word, VOCABULARY) ?? word)));
  return PHRASES.get(words.join(' '));
}

/** The decision for a billing phrase: the use case answers it (with a link, or "billing is not enabled"). */
export function billingDecision(text: string, base: Decision): Decision | undefined {
  const effect = parseBillingIntent(text);
  return effect ? { ...base, effect } : undefined;
}
