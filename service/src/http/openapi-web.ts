/**
 * The web app's routes in the OpenAPI document (issue 10). Every `/api/*` route below takes the user from the
 * session cookie only; state-changing ones need the app's own origin (CSRF) and a JSON body.
 */
type ErrorResponse = (description: string) => Record<string, unknown>;

const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
const object = { type: 'object' };
const action = (data: string) => ({
  type: 'object',
  required: ['message', 'data'],
  properties: { message: { type: 'string' }, data: { $ref: `#/components/schemas/${data}` } },
});

export function webApiPaths(errorResponse: ErrorResponse): Record<string, unknown> {
  const read = (summary: string, schema: string, extra: Record<string, unknown> = {}) => ({
    get: {
      summary,
      security: [{ session: [] }],
      responses: {
        '200': { description: 'OK', ...json({ $ref: `#/components/schemas/${schema}` }) },
        '401': errorResponse('No session'),
        ...extra,
      },
    },
  });
  const write = (
    method: 'post' | 'patch',
    summary: string,
    body: Record<string, unknown>,
    ok: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    [method]: {
      summary,
      security: [{ session: [] }],
      requestBody: { required: true, ...json(body) },
      responses: {
        '200': { description: 'Done', ...json(ok) },
        '400': errorResponse('Malformed or invalid body (unknown keys included)'),
        '401': errorResponse('No session'),
        '403': errorResponse('Not from the app’s own origin (CSRF check)'),
        '415': errorResponse('Not JSON'),
        ...extra,
      },
    },
  });
  const noPlan = { '404': errorResponse('No current plan') };
  return {
    '/signin/{token}': {
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        summary: 'The page behind a "web" sign-in link: a button, nothing used yet',
        responses: {
          '200': { description: 'Sign-in page', content: { 'text/html': {} } },
          '404': { description: 'Malformed token' },
        },
      },
      post: {
        summary: 'Use the one-time link (15 minutes) and open a session',
        description: 'Sets the HttpOnly, SameSite=Strict session cookie (30 days) and redirects to the app.',
        responses: {
          '303': { description: 'Signed in' },
          '403': errorResponse('Not from the app’s own origin'),
          '404': { description: 'Unknown or expired link' },
          '410': { description: 'Link already used' },
        },
      },
    },
    '/api/session': read('Who the cookies say (signed in, locale); never the number', 'Session'),
    '/api/session/logout': write('post', 'End the session and clear the cookies', object, object),
    '/api/plan': read('The current week with each member’s portions and daily totals', 'Plan', noPlan),
    '/api/plan/swap': write(
      'post',
      'Another recipe for one meal (the chat’s swap)',
      { $ref: '#/components/schemas/SwapRequest' },
      action('Plan'),
      noPlan,
    ),
    '/api/grocery': read('The grocery list by aisle with "already have" marks and costs', 'Grocery', noPlan),
    '/api/grocery/at-home': write(
      'post',
      'Tick or untick an item as already at home (the chat’s "have rice")',
      { $ref: '#/components/schemas/AtHomeRequest' },
      action('Grocery'),
      { '404': errorResponse('No plan, or no such item') },
    ),
    '/api/log/today': read('Today’s food log against the targets', 'FoodLog'),
    '/api/log': write(
      'post',
      'Quick-add: free text parsed as an SMS is',
      { $ref: '#/components/schemas/ChatRequest' },
      action('FoodLog'),
    ),
    '/api/progress': {
      get: {
        ...read('Energy and macros per day for 7 or 30 days, with targets', 'Progress').get,
        parameters: [
          { name: 'days', in: 'query', schema: { type: 'string', enum: ['7', '30'], default: '7' } },
        ],
      },
    },
    '/api/household': read('Household size, plan members, invitations and their consent status', 'Household'),
    '/api/settings': {
      ...read('Language, time zone, diet, allergies, budget, weekly delivery', 'Settings'),
      ...write(
        'patch',
        'Change any of the settings (at least one)',
        { $ref: '#/components/schemas/SettingsUpdate' },
        action('Settings'),
      ),
    },
    '/api/export': write(
      'post',
      'A one-time link to the file of all the user’s data',
      { type: 'object', additionalProperties: false },
      { type: 'object', properties: { url: { type: 'string' } } },
    ),
    '/api/account/delete': write(
      'post',
      'Erase everything: only DELETE ALL / BORRAR TODO confirms',
      { type: 'object', required: ['confirm'], properties: { confirm: { type: 'string' } } },
      { type: 'object', properties: { deleted: { type: 'boolean' } } },
    ),
  };
}

const slot = { type: 'string', enum: ['breakfast', 'lunch', 'dinner', 'snack'] };

/** Shapes of `api-types.ts`, loosely (the TypeScript types are the exact contract the web app compiles against). */
export const webApiSchemas: Record<string, unknown> = {
  Session: {
    type: 'object',
    properties: {
      signedIn: { type: 'boolean' },
      known: { type: 'boolean' },
      locale: { type: 'string' },
      hasPhone: { type: 'boolean' },
    },
  },
  Plan: {
    type: 'object',
    properties: {
      weekStart: { type: 'string', format: 'date' },
      today: { type: ['integer', 'null'] },
      link: { type: 'string' },
      cost: object,
      members: { type: 'array' },
      days: { type: 'array' },
    },
  },
  SwapRequest: {
    type: 'object',
    required: ['day', 'slot'],
    additionalProperties: false,
    properties: { day: { type: 'integer', minimum: 0, maximum: 6 }, slot },
  },
  Grocery: {
    type: 'object',
    properties: { items: { type: 'array' }, toBuyCost: { type: 'number' }, totalCost: { type: 'number' } },
  },
  AtHomeRequest: {
    type: 'object',
    required: ['foodId', 'atHome'],
    additionalProperties: false,
    properties: { foodId: { type: 'string' }, atHome: { type: 'boolean' } },
  },
  FoodLog: {
    type: 'object',
    properties: {
      date: { type: 'string' },
      entries: { type: 'array' },
      totals: object,
      targets: { type: ['object', 'null'] },
    },
  },
  Progress: {
    type: 'object',
    properties: {
      days: { type: 'array' },
      targets: { type: ['object', 'null'] },
      weightKg: { type: ['number', 'null'] },
      goalWeightKg: { type: ['number', 'null'] },
    },
  },
  Household: {
    type: 'object',
    properties: {
      adults: { type: ['integer', 'null'] },
      children: { type: ['integer', 'null'] },
      planMembers: { type: 'array' },
      invitations: { type: 'array' },
    },
  },
  Settings: {
    type: 'object',
    properties: {
      locale: { type: 'string' },
      timeZone: { type: 'string' },
      goal: {},
      goalWeightKg: { type: ['number', 'null'] },
      body: {},
      billing: object,
      diet: {},
      allergies: { type: 'array' },
      budget: {},
      weeklyDelivery: {},
    },
  },
  SettingsUpdate: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      locale: { enum: ['en', 'es'] },
      timeZone: { type: 'string' },
      diet: { type: 'string' },
      allergies: { type: 'array' },
      budget: object,
      weeklyDelivery: object,
      goal: { enum: ['lose', 'maintain', 'gain', 'eat_healthier'] },
      goalWeightKg: { type: ['number', 'null'] },
      body: object,
    },
  },
};
