import { matchRules, type SignalRule } from './signal-rule.ts';

/**
 * Conditions where a calorie deficit needs a clinician (project reference, "Safety": kidney disease, diabetes on
 * medication; and, by the same reasoning, heart failure, liver disease, cancer care, bariatric surgery, drugs that
 * food interacts with, and eating-disorder treatment). Anyone in the household counts: "my husband is on dialysis"
 * changes his plan. Negatable ("I'm not diabetic"). Left out on purpose: prediabetes (healthy eating and modest
 * loss are the usual advice), coeliac disease (an allergy-style exclusion the profile parser records), and a
 * doctor's advice that names no condition ("my doctor said to eat more fibre").
 */

/** Being treated for an eating disorder; read here, and used by the eating-disorder signals to step aside. */
export const EATING_DISORDER_TREATMENT =
  /\b(?:treatment|recovery|recovering|rehab|therapy|tratamiento|recuperacion|recuperando\w*)\s+(?:for|from|de|del|por)\s+(?:an?\s+|un\s+|una\s+|mi\s+|my\s+)?(?:eating disorder|ed|anorexi\w*|bulimi\w*|binge eating|arfid|trastorno (?:de la conducta )?alimentari\w*|tca)\b|\b(?:my|mi)\s+(?:ed\s+|eating disorder\s+)?(?:treatment team|equipo de tratamiento)\b/;

const DOCTOR =
  /\b(?:doctor|doc|dr|physician|gp|nephrologist|cardiologist|endocrinologist|oncologist|dietitian|medic[oa]|doctora|endocrino|nefrologo|cardiologo)\b/;
const CONDITION_FROM_DOCTOR =
  /\b(?:potassium|potasio|phosphorus|fosforo|fluid restriction|low[- ]protein|blood sugar|a1c|glucos\w*|azucar en (?:la )?sangre|condition|enfermedad|disease)\b/;

const RULES: readonly SignalRule[] = [
  {
    name: 'kidney',
    pattern:
      /\bkidne?ys?\b(?!\s*beans?)|\bkidny\w*|\brenal\b|\bdialys\w*|\bdialisis\b|\bckd\b|\brin(?:on|ones)\b|\bnephr\w*|\bnefr\w*/,
    negatable: true,
  },
  {
    name: 'diabetes-medication',
    pattern:
      /(?<!pre-?|pre )\bdiabet\w*|\bdiabetis\b|\bt[12]d\b|\binsulin\w*|\bmetformin\w*|\bozempic\b|\bwegovy\b|\bmounjaro\b|\bzepbound\b|\bsemaglutid\w*|\btirzepatid\w*|\bglp-?1\b|\bsaxenda\b|\btrulicity\b|\bglipizid\w*|\bglimepirid\w*/,
    negatable: true,
  },
  {
    name: 'heart',
    pattern:
      /\bheart (?:failure|disease|attack|condition|problems?)\b|\bcongestive\b|\bchf\b|\bcardiac\b|\bpacemaker\b|\binsuficiencia cardiaca\b|\benfermedad (?:del corazon|cardiaca)\b|\binfarto\b/,
    negatable: true,
  },
  {
    name: 'liver',
    pattern:
      /\bcirrhos\w*|\bcirrosis\b|\bliver (?:disease|failure|problems?|condition)\b|\bfatty liver\b|\bhepatitis\b|\bhigado graso\b|\benfermedad (?:del )?higado\b/,
    negatable: true,
  },
  {
    // Current cancer care, not a relative's history ("my grandmother had cancer years ago").
    name: 'cancer-care',
    pattern:
      /\b(?:have|has|with|diagnosed|fighting|battling|treating|tengo|tiene|con)\s+(?:\w+\s+)?cancer\b|\bchemo\w*|\bquimio\w*|\boncolog\w*|\bradiation therapy\b|\bradioterapia\b/,
    negatable: true,
  },
  {
    name: 'digestive-or-surgery',
    pattern:
      /\bcrohn'?s?\b|\bcolitis\b|\bgastroparesis\b|\bbariatric\b|\bgastric (?:bypass|sleeve|band)\b|\blap[- ]band\b|\bbypass gastrico\b|\bmanga gastrica\b/,
    negatable: true,
  },
  {
    name: 'interacting-medication',
    pattern: /\bwarfarin\b|\bcoumadin\b|\bblood thinners?\b|\blithium\b|\bmaois?\b|\banticoagula\w*/,
    negatable: true,
  },
  { name: 'eating-disorder-treatment', pattern: EATING_DISORDER_TREATMENT },
];

export function medicalSignals(text: string): string[] {
  const signals = matchRules(text, RULES);
  if (DOCTOR.test(text) && CONDITION_FROM_DOCTOR.test(text) && !/\bceliac|\bcoeliac/.test(text))
    signals.push('condition-from-doctor');
  return signals;
}
