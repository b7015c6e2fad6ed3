import { abuseEn } from './abuse-en.ts';
import { billingEn } from './billing-en.ts';
import type { MessageCatalog } from './catalog.ts';
import { dormancyEn } from './dormancy-en.ts';
import { planEditEn } from './plan-edit-en.ts';
import { privacyEn } from './privacy-en.ts';
import { questionEn } from './question-en.ts';
import { weeklyEn } from './weekly-en.ts';

const GOALS = {
  lose: 'lose weight',
  maintain: 'maintain weight',
  gain: 'gain weight',
  eat_healthier: 'eat healthier',
};
const DIETS = {
  omnivore: 'eats everything',
  pescatarian: 'pescatarian',
  vegetarian: 'vegetarian',
  vegan: 'vegan',
};
const ALLERGENS = {
  milk: 'milk',
  egg: 'egg',
  fish: 'fish',
  shellfish: 'shellfish',
  tree_nut: 'tree nuts',
  peanut: 'peanuts',
  wheat: 'wheat',
  soy: 'soy',
  sesame: 'sesame',
  gluten: 'gluten',
};

export const en: MessageCatalog = {
  help: (b) =>
    `${b.name}: meal plans, grocery lists and food tips by text. Help: ${b.contact}. Msg & data rates may apply. Msg frequency varies. Reply STOP to cancel. General wellness info, not medical advice.`,
  optOutConfirmation: (b) =>
    `${b.name}: You're unsubscribed and will get no more messages. Reply START to resubscribe.`,
  optInConfirmation: (b) =>
    `${b.name}: You're resubscribed. Reply HELP for help, STOP to cancel. Msg & data rates may apply.`,
  welcome: (b, privacyUrl) => [
    `Hi! I'm ${b.name}, a nutrition coach you can text: weekly meal plans for your household within budget, grocery lists and food logging. To help, I need to store your answers about food, health and household (${privacyUrl}). Reply YES to agree, or STOP to opt out. Not medical advice. Msg & data rates may apply.`,
  ],
  consentReminder: () =>
    'Before we start I need your OK to store your food and health answers. Reply YES to agree or NO to decline. Reply HELP for help.',
  consentDeclined: () =>
    "No problem, I haven't stored anything about you. Text YES any time if you change your mind.",
  consentGiven: () => 'Thanks! A few quick questions so I can plan for you.',
  askGoal: () => "What's your main goal? 1) lose weight 2) maintain 3) gain weight 4) just eat healthier",
  askAllergiesAndDiet: () =>
    "Any food allergies, and how do you eat? e.g. 'no allergies, I eat everything' or 'vegetarian, allergic to peanuts'",
  askAllergies: () => "Any food allergies? e.g. 'peanuts and shellfish', 'lactose intolerant' or 'none'",
  askDiet: () => 'How do you eat: everything, pescatarian, vegetarian or vegan?',
  askHouseholdAndBudget: () =>
    "Who are you cooking for, and what's your weekly food budget? e.g. 'just me, $60 a week' or 'family of 4, $150'",
  askHousehold: () => "Who are you cooking for? e.g. 'just me', 'me and my wife' or 'family of 4'",
  askBudget: () => "What's your weekly grocery budget? e.g. '$80 a week'",
  askBody: () =>
    "Last one, optional: your age, sex, height, weight and activity make targets exact. e.g. '34 F 5'6\" 150 lb moderate' or '34 female 168cm 68kg'. Or reply SKIP.",
  notUnderstood: (question) => `Sorry, I didn't catch that. ${question}`,
  tooYoung: (b) =>
    `Sorry, ${b.name} is for people 13 and older, so I can't set you up. I've removed the details you sent. Please talk to a parent, guardian or doctor about food goals.`,
  bodyOutOfRange: () =>
    "Those numbers look off to me. Please send age, sex, height and weight again, e.g. '34 F 168cm 68kg', or reply SKIP.",
  onboardingComplete: (summary) => [
    `You're all set! ${summary}`,
    "Reply PLAN for a week of meals. Change anything by telling me, e.g. 'actually I'm vegetarian'. PROFILE shows it, HELP helps.",
  ],
  profileSummary: (summary) => `Your profile: ${summary} To change it just tell me, e.g. 'budget $90'.`,
  updated: (changes) => `Got it. ${changes}`,
  photoNotRead: () =>
    "I can't read photos yet. Tell me what you ate in words instead, e.g. '2 eggs and a slice of toast'.",
  menu: () =>
    "I can help with: PLAN for a week of meals and a shopping list; PROFILE to see your details; changes like 'actually I'm vegan' or 'budget $70'; HELP; STOP to opt out.",
  goalName: (goal) => GOALS[goal],
  dietName: (diet) => DIETS[diet],
  allergenName: (allergen) => ALLERGENS[allergen],
  noAllergies: () => 'no allergies',
  sexName: (sex) => sex,
  activityName: (activity) => activity.replace('_', ' '),
  household: (h) =>
    h.adults === 1 && h.children === 0
      ? 'just you'
      : `${h.adults} adult${h.adults === 1 ? '' : 's'}${h.children > 0 ? ` and ${h.children} child${h.children === 1 ? '' : 'ren'}` : ''}`,
  budget: (amount) => `$${formatAmount(amount)}/week`,
  labels: {
    goal: 'Goal',
    diet: 'Diet',
    allergies: 'Allergies',
    household: 'Household',
    budget: 'Budget',
    body: 'About you',
    goalWeight: 'Goal weight',
    dislikes: 'Dislikes',
    timeZone: 'Time zone',
  },
  notSet: () => 'not set',
  languageSwitched: () => "OK, I'll write in English.",
  goalWeightTooLow: () =>
    "I can't set that goal weight: it is below a healthy weight for your height, so I won't plan toward it. I'm glad to help you eat well and feel strong. If food or weight worries you, a doctor can help.",
  goalWeightConflict: (goal) =>
    goal === 'lose'
      ? "That goal weight is above your current weight, but your goal is to lose weight. If you want to gain, tell me 'I want to gain weight', then send the goal weight again."
      : "That goal weight is below your current weight, but your goal is to gain weight. If you want to lose, tell me 'I want to lose weight', then send the goal weight again.",
  goalWeightNeedsHeight: () =>
    "To check a goal weight is healthy for you I need your height first, e.g. 'I'm 5'6\"' or 'I'm 168 cm'.",
  goalWeightNeedsUnit: () => "Is that in lb or kg? e.g. 'goal weight 150 lb' or 'goal weight 68 kg'.",
  goalWeightOutOfRange: () => "That goal weight doesn't look right. Send it again with lb or kg.",
  noDislikes: () => 'none',
  dislikesUnknown: (names) =>
    `I couldn't find ${names} in my food list, so there's nothing to leave out. Try the plain name of a food, e.g. 'mushrooms'.`,
  dislikesTooMany: (max) =>
    `You can keep up to ${max} dislikes. Take one off first, e.g. 'I like mushrooms now'.`,
  dislikesNotListed: (names) => `${names} wasn't on your dislikes.`,
  timeZoneUnknown: () =>
    "I don't know that time zone. Tell me a city, e.g. 'I'm in Chicago', or a zone name like 'America/New_York'.",
  languageUnsupported: () => 'I can write in English or Spanish: reply ENGLISH or ESPAÑOL.',
  planNeedsBody: () =>
    "To plan your meals I need your age, sex, height, weight and activity, e.g. '34 F 5'6\" 150 lb moderate'.",
  planNeedsHousehold: () =>
    "Plans for several people need each person's own details, which I can't collect yet. Reply 'just me' and I'll plan for you.",
  planNeedsProfile: () => "Let's finish your profile first. Reply PROFILE to see what's missing.",
  planReady: (cost, budget, today, link) =>
    `Your week is ready: ${cost} of your ${budget} budget. Week and shopping list: ${link}\nToday: ${today}.`,
  planFailed: (reason) => `I couldn't make a plan: ${reason}`,
  you: () => 'You',
  noPlan: () => 'No plan yet: reply PLAN for a week of meals.',
  logged: (items, today) => `Logged: ${items}. ${today}`,
  dayTotals: (kcal, targetKcal, protein, targetProtein) =>
    `Today so far: ${kcal}${targetKcal ? ` of ${targetKcal}` : ''} kcal, protein ${protein}${targetProtein ? ` of ${targetProtein}` : ''} g.`,
  foodUnsure: (phrase, options) =>
    `Did you mean ${options}? ("${phrase}") Reply with the number or the name.`,
  nothingLogged: (range) =>
    `Nothing logged ${range === 'day' ? 'today' : 'in the last 7 days'} yet. Tell me what you ate, e.g. 'had 2 eggs and toast'.`,
  summary: (label, parts) => `${label}: ${parts}.`,
  summaryWeekLabel: (days) => `Last 7 days (${days} day${days === 1 ? '' : 's'} logged), a day on average`,
  nutrientPart: (key, value, target) => {
    const unit = {
      kcal: 'kcal',
      proteinG: 'g protein',
      fatG: 'g fat',
      carbsG: 'g carbs',
      fiberG: 'g fibre',
      sodiumMg: 'mg sodium',
    }[key];
    return `${value}${target !== undefined ? ` of ${target}` : ''} ${unit}`;
  },
  foodUnknown: () =>
    "I couldn't find that food. Try its plain name and amount, e.g. '2 eggs' or '150 g rice'.",
  foodTooMany: (limit) =>
    `That's more than ${limit} foods in one message, so I logged nothing. Please send them in smaller parts.`,
  allergenWarning: (foods, allergens) =>
    `Careful: ${foods} contains ${allergens}, which you told me you're allergic to.`,
  planEnded: () => 'Your plan has ended: reply PLAN for a new week.',
  dayLabel: (offset) => (offset === 0 ? 'Today' : 'Tomorrow'),
  slotName: (slot) => ({ breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner', snack: 'Snack' })[slot],
  servings: (count) => `${count} serving${count === 1 ? '' : 's'}`,
  aisleName: (aisle) => aisle.replace(/_/g, ' '),
  shoppingList: (total, link, aisles) => `Shopping list, ${total} total (full list: ${link}). ${aisles}`,
  planEdit: planEditEn,
  privacy: privacyEn,
  weekly: weeklyEn,
  questions: questionEn,
  billing: billingEn,
  abuse: abuseEn,
  dormancy: dormancyEn,
};

export function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}
