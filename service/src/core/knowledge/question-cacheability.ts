import { isFoodLog } from '../conversation/food-log-intent.ts';
import { parseProfileUpdate } from '../conversation/parse/index.ts';
import { parsePlanEdit } from '../conversation/plan-edit-intent.ts';
import { isPlanRequest } from '../conversation/plan-intent.ts';
import { planQuery } from '../conversation/plan-queries.ts';
import { foldText } from './question-terms.ts';

/**
 * Whether one answer to a message may serve every user (`shared`), or the answer depends on the user's own data
 * and must never be stored where another user could read it (`personal`). Decided from the words alone, before
 * any model sees them, and erring towards `personal`: a shared answer wrongly withheld costs one model call, a
 * personal one wrongly shared is a leak. The table it must meet is `test/fixtures/language-cacheability.ts`.
 */
export type PersonalReason =
  /** The coach's own parsers read it as a log, a plan or list query, a plan edit or a profile change. */
  | 'coach_intent'
  /** It refers to the user's plan, log, targets, body, health or household ("my plan", "did I eat"). */
  | 'own_records'
  /** It states a fact about the user ("I'm pregnant", "I weigh 92 kg", "tengo diabetes"). */
  | 'own_facts'
  /** It holds a name, a phone number or an email address. */
  | 'identifier'
  /** It asks for an answer fitted to the user ("for me", "what should I eat for lunch"). */
  | 'tailored';

export type QuestionCacheability = { kind: 'shared' } | { kind: 'personal'; reason: PersonalReason };

const MY_RECORDS =
  /\bmy (?:plans?|meals?|menu|breakfast|lunch|dinner|supper|snacks?|log|logs|diary|food|calories|calorie|kcal|targets?|goals?|macros?|intake|progress|day|week|weight|height|age|bmi|budget|list|shopping|grocer(?:y|ies)|profile|allerg(?:y|ies)|diet|numbers|results|levels|labs?|blood|glucose|a1c|cholesterol|pressure|doctor|medications?|meds|sons?|daughters?|kids?|child|children|baby|wife|husband|partner|family|household|mom|mum|mother|dad|father|name|number|phone|email|address)\b/;
const MI_RECORDS =
  /\bmis? (?:plan|menu|comidas?|desayuno|almuerzo|cena|merienda|registro|diario|calorias?|objetivos?|metas?|macros|progreso|dia|semana|peso|altura|edad|imc|presupuesto|lista|compra|perfil|alergias?|dieta|resultados|niveles|analisis|glucosa|azucar|colesterol|tension|presion|medic[oa]|medicacion|hij[oa]s?|nin[oa]s?|bebe|espos[oa]|marido|mujer|pareja|familia|madre|padre|mama|papa|nombre|numero|telefono|correo|email|direccion|caso)\b/;
const ASKED_ABOUT_LOG =
  /\b(?:(?:did|have|has) i (?:eat|eaten|had|have|log|logged|drink|drunk|drank)|am i (?:on track|doing|eating|getting|over|under|hitting|meeting)|how am i)\b|\b(?:he|has) (?:comido|tomado|bebido|desayunado|cenado|almorzado|merendado)\b|\bllevo\b|\bvoy bien\b/;
const WHAT_DO_I_EAT =
  /\bwhat (?:should|can|do|will|shall) i (?:eat|have|cook|make)(?: for)? (?:breakfast|lunch|dinner|supper|a snack|snack|today|tonight|tomorrow|now|this week)\b|\bque (?:como|ceno|desayuno|almuerzo|meriendo) (?:hoy|manana|esta noche|ahora)\b/;
/** A fact stated about oneself; "if I am …", "when I'm …", "si tengo …" ask in general and are not caught. */
const I_AM =
  /(?<!\b(?:if|when|while|whether) )\bi (?:m|am) (?:\d|pregnant|diabetic|prediabetic|allergic|intolerant|lactose|celiac|coeliac|vegan|vegetarian|breastfeeding|nursing|on (?:insulin|metformin|medication|meds|dialysis)|overweight|underweight|obese|a (?:man|woman|guy|girl|boy|teen|runner|diabetic|vegan|vegetarian))/;
const I_HAVE =
  /(?<!\b(?:if|when|while|whether) )\bi (?:have|ve got|got) (?:diabetes|type \d|prediabetes|kidney|hypertension|high (?:blood|cholesterol)|celiac|coeliac|an? (?:\w+ )?allerg|allergies|ibs|pcos|gout|cancer|heart)/;
const I_WEIGH = /\bi (?:weigh|weight is|m \d+ ?(?:kg|kilos|lbs?|pounds|cm|ft|years|yo))\b/;
const SOY_ESTOY =
  /(?<!\b(?:si|cuando) )\b(?:estoy|soy) (?:embarazada|diabetic[oa]|prediabetic[oa]|alergic[oa]|intolerante|celiac[oa]|vegan[oa]|vegetarian[oa]|hipertens[oa]|lactando|amamantando|en (?:tratamiento|dialisis)|obes[oa])/;
const TENGO =
  /(?<!\b(?:si|cuando) )\btengo (?:\d|diabetes|prediabetes|hipertension|(?:la )?(?:tension|presion)|(?:el )?colesterol|alergias?|intolerancia|celiaquia|enfermedad|gota|cancer)/;
const PESO_MIDO = /(?:^|\b(?:y|e) )peso \d|\bmido \d|\bme llamo\b|\bmi nombre es\b/;
const FOR_ME = /\b(?:for me|in my case|para mi|en mi caso)\b/;
/** Nine or more digits, at most one separator between them: a phone number, not "2000-2500 kcal". */
const PHONE = /(?:\+?\d[\s().-]?){9,}/;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;

export function questionCacheability(text: string): QuestionCacheability {
  if (PHONE.test(text) || EMAIL.test(text)) return personal('identifier');
  if (readsAsCoachIntent(text)) return personal('coach_intent');
  // Folded: lower case, no accents, punctuation as spaces ("what's" → "what s", "i'm" → "i m").
  const t = foldText(text);
  if (/\b(?:my name is|me llamo|mi nombre es)\b/.test(t)) return personal('identifier');
  if (MY_RECORDS.test(t) || MI_RECORDS.test(t) || ASKED_ABOUT_LOG.test(t)) return personal('own_records');
  if (
    I_AM.test(t) ||
    I_HAVE.test(t) ||
    I_WEIGH.test(t) ||
    SOY_ESTOY.test(t) ||
    TENGO.test(t) ||
    PESO_MIDO.test(t)
  )
    return personal('own_facts');
  if (FOR_ME.test(t) || WHAT_DO_I_EAT.test(t)) return personal('tailored');
  return { kind: 'shared' };
}

function personal(reason: PersonalReason): QuestionCacheability {
  return { kind: 'personal', reason };
}

/** What the ready state would route elsewhere than a question (ready.ts): each of these reads the user's data. */
function readsAsCoachIntent(text: string): boolean {
  if (isFoodLog(text) || planQuery(text) !== undefined || isPlanRequest(text)) return true;
  if (parsePlanEdit(text) !== undefined) return true;
  const { tooYoung: _tooYoung, ...update } = parseProfileUpdate(text);
  return Object.values(update).some((value) => value !== undefined);
}
