import { describe, expect, it } from 'vitest';
import type { Allergen } from '../nutrition/allergens.ts';
import type { Food, FoodDiet, FoodGroup, Per100g } from '../nutrition/food.ts';
import { createFoodDatabase } from '../nutrition/food-database.ts';
import type { Recipe } from '../nutrition/recipe.ts';
import { createRecipeDatabase } from '../nutrition/recipe-database.ts';
import { buildGroceryList, groceryTotal } from './grocery-list.ts';
import { memberTargets } from './member-targets.ts';
import { checkPlan, type PlanCheck, type PlanCheckData } from './plan-check.ts';
import { gramsByFood, memberTotals } from './plan-output.ts';
import { type PlanRequest, planRequestSchema, type Slot } from './plan-request.ts';
import type { PlannedMeal, PlanResult } from './plan-result.ts';
import { planningFoods } from './planning-foods.ts';

/**
 * A hand-built household of two over three days whose every figure is known: all foods share one nutrient profile
 * (100 kcal/100 g: 20 % protein, 27 % fat, 53 % carbohydrate, 20 g fibre per 1,000 kcal), so a member's energy
 * is simply the grams they eat. Ana (target 1,930 kcal) eats one serving of everything plus a 130 g apple side
 * (1,930 kcal); Ben (target 2,080 kcal) eats 1¼ breakfast and lunch (2,050 kcal).
 */
const BALANCED: Per100g = {
  kcal: 100,
  proteinG: 5,
  fatG: 3,
  satFatG: 1,
  carbsG: 13.25,
  sugarsG: 2,
  fiberG: 2,
  sodiumMg: 50,
};
const ALL_DIETS: FoodDiet[] = ['vegan', 'vegetarian', 'pescatarian'];

function food(
  id: string,
  group: FoodGroup,
  allergens: Allergen[],
  diets: FoodDiet[],
  per100g: Per100g,
): Food {
  const name = id.replace(/-/g, ' ');
  return {
    id,
    name: name.charAt(0).toUpperCase() + name.slice(1),
    ndb: '00001',
    group,
    aisle: 'pantry',
    per100g,
    allergens,
    diets,
    synonyms: [],
    package: { grams: 1000, label: '1 kg' },
    sideOk: group === 'fruit' || group === 'dairy',
  };
}

function foodsWith(profile: Per100g): Food[] {
  return [
    food('wheat-porridge', 'grain', ['wheat', 'gluten'], ALL_DIETS, profile),
    // Tagged wheat only, to prove a gluten allergy reaches it through excludedAllergenTags.
    food('wheat-flatbread', 'bread', ['wheat'], ALL_DIETS, profile),
    food('lentil-stew', 'legume', [], ALL_DIETS, profile),
    food('bean-soup', 'legume', [], ALL_DIETS, profile),
    // Tagged mollusc only, to prove a shellfish allergy reaches it.
    food('mussels', 'seafood', ['mollusc'], ['pescatarian'], profile),
    food('chicken-thigh', 'poultry', [], [], profile),
    food('yogurt', 'dairy', ['milk'], ['vegetarian', 'pescatarian'], profile),
    food('rice-cake', 'snack', [], ALL_DIETS, profile),
    food('apple', 'fruit', [], ALL_DIETS, profile),
    food('table-salt', 'spice_herb', [], ALL_DIETS, {
      ...BALANCED,
      kcal: 0,
      proteinG: 0,
      fatG: 0,
      satFatG: 0,
      carbsG: 0,
      sugarsG: 0,
      fiberG: 0,
      sodiumMg: 38_758,
    }),
  ];
}

function recipe(id: string, name: string, slot: Slot, ingredients: [string, number][]): Recipe {
  return {
    id,
    name,
    cuisine: 'american',
    slots: [slot],
    prepMinutes: 20,
    ingredients: ingredients.map(([foodId, grams]) => ({ foodId, grams })),
    steps: ['Warm it through and serve.'],
    tags: [],
  };
}

const RECIPES: Recipe[] = [
  recipe('porridge', 'Wheat porridge', 'breakfast', [['wheat-porridge', 450]]),
  recipe('flatbread', 'Flatbread plate', 'breakfast', [['wheat-flatbread', 450]]),
  recipe('lentils', 'Lentil stew', 'lunch', [
    ['lentil-stew', 550],
    ['table-salt', 1],
  ]),
  recipe('beans', 'Bean soup bowl', 'lunch', [
    ['bean-soup', 550],
    ['table-salt', 1],
  ]),
  recipe('mussel-pot', 'Mussel pot', 'dinner', [['mussels', 650]]),
  recipe('chicken-rice', 'Chicken thighs', 'dinner', [['chicken-thigh', 650]]),
  recipe('yogurt-cup', 'Yogurt cup', 'snack', [['yogurt', 150]]),
  recipe('rice-cakes', 'Rice cakes', 'snack', [['rice-cake', 150]]),
];

type MealSpec = [recipeId: string, ana: number, ben: number];
const WEEK: MealSpec[][] = [
  [
    ['porridge', 1, 1.25],
    ['lentils', 1, 1.25],
    ['mussel-pot', 1, 1],
    ['yogurt-cup', 1, 1],
  ],
  [
    ['flatbread', 1, 1.25],
    ['beans', 1, 1.25],
    ['chicken-rice', 1, 1],
    ['rice-cakes', 1, 1],
  ],
  [
    ['porridge', 1, 1.25],
    ['lentils', 1, 1.25],
    ['mussel-pot', 1, 1],
    ['yogurt-cup', 1, 1],
  ],
];

const REQUEST = planRequestSchema.parse({
  members: [
    { name: 'Ana', sex: 'female', age: 34, heightCm: 165, weightKg: 70, activity: 'light', goal: 'maintain' },
    {
      name: 'Ben',
      sex: 'male',
      age: 40,
      heightCm: 180,
      weightKg: 80,
      activity: 'sedentary',
      goal: 'maintain',
    },
  ],
  diet: 'omnivore',
  allergies: [],
  dislikes: [],
  budget: { amount: 140, currency: 'USD', period: 'week' },
  days: 3,
  maxPrepMinutesWeekday: 30,
});

interface Scenario {
  request: PlanRequest;
  plan: PlanResult;
  data: PlanCheckData;
}

/** The fixture, optionally with every food on another nutrient profile or with its meals edited before the
 * derived figures (totals, grocery list, cost) are worked out, so one edit breaks exactly one rule. */
function scenario(
  options: { profile?: Partial<Per100g>; editMeals?: (days: PlannedMeal[][]) => void } = {},
): Scenario {
  const foods = createFoodDatabase(foodsWith({ ...BALANCED, ...options.profile }), {
    currency: 'USD',
    basis: 'test',
    asOf: '2026-01',
    prices: Object.fromEntries(foodsWith(BALANCED).map((f) => [f.id, { perPackage: 2 }])),
  });
  const recipes = createRecipeDatabase(RECIPES, foods);
  const meals = WEEK.map((day): PlannedMeal[] => [
    ...day.map(([recipeId, ana, ben]) => recipeMeal(recipeId, { Ana: ana, Ben: ben })),
    sideMeal('apple', 'Ana', 130),
  ]);
  options.editMeals?.(meals);
  const planning = planningFoods(foods);
  const days = meals.map((dayMeals, index) => ({
    day: index + 1,
    meals: dayMeals,
    totals: memberTotals(dayMeals, ['Ana', 'Ben'], planning),
  }));
  const groceryList = buildGroceryList(gramsByFood(days), foods);
  const targets = memberTargets(REQUEST);
  if (!targets.ok) throw new Error(targets.why.kind);
  const plan: PlanResult = {
    status: 'optimal',
    reason: 'Plan costs $40 of your $60 budget.',
    members: targets.members.map((member) => ({ name: member.name, targets: member.reported })),
    days,
    groceryList,
    cost: { total: groceryTotal(groceryList), currency: 'USD', budget: 60 },
    solver: { ms: 1, gap: 0, lpBound: 30 },
    notes: [],
  };
  return { request: structuredClone(REQUEST), plan, data: { foods, recipes } };
}

function recipeMeal(recipeId: string, portions: Record<string, number>): PlannedMeal {
  const recipe = RECIPES.find((r) => r.id === recipeId);
  if (!recipe) throw new Error(`no recipe ${recipeId}`);
  const servings = Object.values(portions).reduce((a, b) => a + b, 0);
  return {
    slot: recipe.slots[0] ?? 'snack',
    recipeId,
    recipeName: recipe.name,
    portions,
    ingredients: recipe.ingredients.map((i) => ({
      foodId: i.foodId,
      name: i.foodId,
      grams: Math.round(i.grams * servings * 100) / 100,
    })),
    prepMinutes: recipe.prepMinutes,
  };
}

function sideMeal(foodId: string, member: string, grams: number): PlannedMeal {
  return {
    slot: 'snack',
    recipeId: `side:${foodId}`,
    recipeName: `${foodId} (side)`,
    portions: { [member]: 1 },
    ingredients: [{ foodId, name: foodId, grams }],
    prepMinutes: 0,
  };
}

const check = (s: Scenario) => checkPlan(s.request, s.plan, s.data);
const codes = (result: PlanCheck) => [...new Set(result.violations.map((v) => v.code))].sort();
/** Day `d` (1-based), meal `m` of the built week. */
const meal = (days: PlannedMeal[][], d: number, m: number): PlannedMeal => {
  const found = days[d - 1]?.[m];
  if (!found) throw new Error(`no meal ${m} on day ${d}`);
  return found;
};

describe('checkPlan — a clean plan', () => {
  it('finds nothing, and every member-day is inside the energy window', () => {
    const result = check(scenario());
    expect(result.violations).toEqual([]);
    expect(result.memberDays).toBe(6);
    expect(result.memberDaysInEnergyWindow).toBe(6);
  });

  it('a correct infeasible answer: a plain reason, no days, no groceries', () => {
    const s = scenario();
    s.plan = { ...s.plan, status: 'infeasible', reason: 'The cheapest plan costs $61; your budget is $40.' };
    s.plan.days = [];
    s.plan.groceryList = [];
    expect(check(s)).toEqual({ violations: [], memberDays: 0, memberDaysInEnergyWindow: 0 });
  });
});

describe('checkPlan — hard filters', () => {
  it('allergen: a shellfish allergy also excludes molluscs (mussels)', () => {
    const s = scenario();
    s.request.allergies = ['shellfish'];
    const result = check(s);
    expect(codes(result)).toEqual(['allergen']);
    expect(result.violations.map((v) => v.day)).toEqual([1, 3]);
    expect(result.violations[0]?.detail).toContain('mussels carries mollusc');
  });

  it('allergen: a gluten allergy also excludes foods tagged wheat only', () => {
    const s = scenario();
    s.request.allergies = ['gluten'];
    const result = check(s);
    expect(codes(result)).toEqual(['allergen']);
    expect(
      result.violations.some((v) => v.day === 2 && v.detail.includes('wheat-flatbread carries wheat')),
    ).toBe(true);
  });

  it('diet: chicken in a pescatarian plan', () => {
    const s = scenario();
    s.request.diet = 'pescatarian';
    const result = check(s);
    expect(codes(result)).toEqual(['diet']);
    expect(result.violations.map((v) => v.day)).toEqual([2]);
  });

  it('dislike: a food matching a dislike, plural or not', () => {
    const s = scenario();
    s.request.dislikes = ['Lentils'];
    expect(codes(check(s))).toEqual(['dislike']);
  });

  it('dislike: a recipe whose name matches a dislike', () => {
    const s = scenario();
    s.request.dislikes = ['bowl'];
    const result = check(s);
    expect(codes(result)).toEqual(['dislike']);
    expect(result.violations[0]?.detail).toContain('beans');
  });
});

describe('checkPlan — meals', () => {
  it('ingredients: grams that are not grams per serving × the sum of portions', () => {
    const s = scenario({
      editMeals: (days) => {
        const first = meal(days, 1, 1).ingredients[0];
        if (first) first.grams += 0.5;
      },
    });
    expect(codes(check(s))).toEqual(['ingredients']);
  });

  it('ingredients: a recipe id the database does not know', () => {
    const s = scenario({
      editMeals: (days) => {
        meal(days, 2, 3).recipeId = 'midnight-feast';
      },
    });
    expect(codes(check(s))).toEqual(['ingredients']);
  });

  it('portions: a portion that is not a quarter serving', () => {
    const s = scenario({
      editMeals: (days) => {
        const porridge = meal(days, 1, 0);
        Object.assign(porridge, recipeMeal('porridge', { Ana: 1, Ben: 1.3 }));
      },
    });
    expect(codes(check(s))).toEqual(['portions']);
  });

  it('side: shared by two members', () => {
    const s = scenario({
      editMeals: (days) => {
        const side = meal(days, 1, 4);
        side.portions = { Ana: 0.5, Ben: 0.5 };
      },
    });
    expect(codes(check(s))).toEqual(['side']);
  });

  it('side: its ingredient is not the food in its id', () => {
    const s = scenario({
      editMeals: (days) => {
        meal(days, 1, 4).recipeId = 'side:yogurt';
      },
    });
    expect(codes(check(s))).toEqual(['side']);
  });

  it('totals: a reported total that the ingredients do not give', () => {
    const s = scenario();
    const ben = s.plan.days[1]?.totals.Ben;
    if (ben) ben.proteinG += 0.3;
    const result = check(s);
    expect(codes(result)).toEqual(['totals']);
    expect(result.violations[0]).toMatchObject({ day: 2, member: 'Ben' });
  });
});

describe('checkPlan — nutrition per member-day', () => {
  it('energy: a day outside ±5 % is counted out of the window', () => {
    const s = scenario({
      editMeals: (days) => {
        Object.assign(meal(days, 2, 4), sideMeal('apple', 'Ana', 300));
      },
    });
    const result = check(s);
    expect(codes(result)).toEqual(['energy']);
    expect(result.violations[0]).toMatchObject({ day: 2, member: 'Ana' });
    expect(result.memberDaysInEnergyWindow).toBe(5);
  });

  it('protein: under the target (10 % of energy is less than 0.8 g/kg here)', () => {
    expect(codes(check(scenario({ profile: { proteinG: 2.5, carbsG: 15.75 } })))).toEqual(['protein']);
  });

  it('protein: over the AMDR share', () => {
    // 40 % protein cannot leave room for 45 % carbohydrate and 20 % fat: carbs fail too.
    const result = check(scenario({ profile: { proteinG: 10, fatG: 3, carbsG: 8.25 } }));
    expect(result.violations.some((v) => v.code === 'protein' && v.detail.includes('of energy'))).toBe(true);
  });

  it('fat: over 35 % of energy', () => {
    expect(codes(check(scenario({ profile: { proteinG: 4, fatG: 4, carbsG: 12 } })))).toEqual(['fat']);
  });

  it('carbs: over 65 % of energy', () => {
    expect(codes(check(scenario({ profile: { proteinG: 3.4, fatG: 2.3, carbsG: 16.5 } })))).toEqual([
      'carbs',
    ]);
  });

  it('sodium: over 2,300 mg', () => {
    expect(codes(check(scenario({ profile: { sodiumMg: 150 } })))).toEqual(['sodium']);
  });

  it('fiber: under 14 g per 1,000 kcal over the plan, reported once per member', () => {
    const result = check(scenario({ profile: { fiberG: 1 } }));
    expect(codes(result)).toEqual(['fiber']);
    expect(result.violations.map((v) => [v.member, v.day])).toEqual([
      ['Ana', undefined],
      ['Ben', undefined],
    ]);
  });
});

describe('checkPlan — variety and prep', () => {
  it('variety: a recipe a third time in the week', () => {
    const s = scenario({
      editMeals: (days) => {
        Object.assign(meal(days, 2, 0), recipeMeal('porridge', { Ana: 1, Ben: 1.25 }));
      },
    });
    const result = check(s);
    expect(codes(result)).toEqual(['variety']);
    expect(result.violations[0]?.detail).toContain('porridge used 3 times');
  });

  it('variety: the same dinner two days running', () => {
    const s = scenario({
      editMeals: (days) => {
        Object.assign(meal(days, 2, 2), recipeMeal('mussel-pot', { Ana: 1, Ben: 1 }));
        Object.assign(meal(days, 3, 2), recipeMeal('chicken-rice', { Ana: 1, Ben: 1 }));
      },
    });
    const result = check(s);
    expect(codes(result)).toEqual(['variety']);
    expect(result.violations[0]).toMatchObject({ day: 2 });
  });

  it('prep: a weekday recipe over the limit', () => {
    const s = scenario();
    s.request.maxPrepMinutesWeekday = 15;
    expect(codes(check(s))).toEqual(['prep']);
  });
});

describe('checkPlan — grocery list and budget', () => {
  it('grocery: one package more than the grams need', () => {
    const s = scenario();
    const item = s.plan.groceryList.find((i) => i.foodId === 'mussels');
    if (item) item.packages += 1;
    expect(codes(check(s))).toEqual(['grocery']);
  });

  it('grocery: grams that do not add up to the ingredients', () => {
    const s = scenario();
    const item = s.plan.groceryList[0];
    if (item) item.grams -= 5;
    expect(codes(check(s))).toEqual(['grocery']);
  });

  it('grocery: a food used but not bought (total kept consistent with the list)', () => {
    const s = scenario();
    s.plan.groceryList = s.plan.groceryList.filter((i) => i.foodId !== 'apple');
    s.plan.cost.total = groceryTotal(s.plan.groceryList);
    expect(codes(check(s))).toEqual(['grocery']);
  });

  it('grocery: a pantry staple costed as a whole package', () => {
    const s = scenario();
    const salt = s.plan.groceryList.find((i) => i.foodId === 'table-salt');
    if (salt) salt.cost = 2;
    s.plan.cost.total = groceryTotal(s.plan.groceryList);
    expect(codes(check(s))).toEqual(['grocery']);
  });

  it('budget: a total that is not the grocery sum to the cent', () => {
    const s = scenario();
    s.plan.cost.total += 0.01;
    expect(codes(check(s))).toEqual(['budget']);
  });

  it('budget: a reported budget that is not the weekly budget prorated to the days', () => {
    const s = scenario();
    s.plan.cost.budget = 140;
    expect(codes(check(s))).toEqual(['budget']);
  });

  it('budget: over the weekly budget prorated to the days planned', () => {
    const s = scenario();
    // 3 days of a $70 week is $30, under the plan's cost.
    s.request.budget.amount = 70;
    expect(s.plan.cost.total).toBeGreaterThan(30);
    expect(codes(check(s))).toEqual(['budget']);
  });
});

describe('checkPlan — structure, targets, infeasible answers', () => {
  it('structure: fewer days than asked for', () => {
    const s = scenario();
    s.request.days = 4;
    s.request.budget.amount = 105; // 4 days of $105 is still the $60 the plan reports
    expect(codes(check(s))).toEqual(['structure']);
  });

  it('structure: a day without breakfast', () => {
    const s = scenario({ editMeals: (days) => void days[0]?.splice(0, 1) });
    expect(codes(check(s))).toContain('structure');
  });

  it('structure: a recipe in a slot it is not made for', () => {
    const s = scenario({
      editMeals: (days) => {
        meal(days, 1, 3).slot = 'dinner';
      },
    });
    expect(codes(check(s))).toContain('structure');
  });

  it('targets: a plan for an account holder under 13, whom the targets refuse', () => {
    const s = scenario();
    const ana = s.request.members[0];
    if (ana) ana.age = 12;
    const result = check(s);
    expect(codes(result)).toEqual(['targets']);
    expect(result.violations[0]?.member).toBe('Ana');
  });

  it.each([
    ['an empty reason', { reason: '' }],
    ['a reason that is a template leak', { reason: 'Budget is undefined.' }],
    ['days still planned', { days: [{ day: 1, meals: [], totals: {} }] }],
  ])('infeasible: %s', (_label, edit) => {
    const s = scenario();
    s.plan = {
      ...s.plan,
      status: 'infeasible',
      reason: 'Your budget is too small.',
      days: [],
      groceryList: [],
      ...edit,
    };
    expect(codes(check(s))).toEqual(['infeasible']);
  });
});
