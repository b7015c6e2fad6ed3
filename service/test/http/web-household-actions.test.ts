import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_ACTION_ROWS } from '../fixtures/web-app-gaps.ts';
import { webTestApp } from './web-test-client.ts';

const OWNER = '+15550170301';
const OTHER_OWNER = '+15550170302';
const SAM = '+15550170311';
const SESSION_TOKEN = 'M'.repeat(43);

async function setUp() {
  const web = webTestApp();
  await web.onboard(OWNER);
  const o = await web.signIn(OWNER);
  const post = (path: string, body: unknown, cookie = o) => web.api(path, cookie, { method: 'POST', body });
  const invite = (phone = SAM, cookie = o) =>
    post('/api/household/invite', { phone, relation: 'partner', name: 'Sam' }, cookie);
  const household = async (cookie = o) =>
    (await (await web.api('/api/household', cookie)).json()) as {
      invitations: { id: string; status: string }[];
      membership: { ownerLast4: string } | null;
    };
  /** Invitation texts the number got (the invitee exists once invited). */
  const texted = async (phone: string) => {
    const user = await web.stores.users.findByPhone(phone);
    return user ? web.outbox.delivered(user.id).filter((body) => /invit/i.test(body)).length : 0;
  };
  /** A web session for a user who never texted "web" (a member still onboarding cannot). */
  const sessionFor = async (phone: string) => {
    const user = await web.stores.users.findByPhone(phone);
    const now = web.clock.now();
    await web.stores.webAuth?.saveSession({
      token: SESSION_TOKEN,
      userId: user?.id ?? '',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
    });
    return `nutritionist_auth=${SESSION_TOKEN}`;
  };
  /** Sam's YES as the chat takes it: the consent question, consent, then the invitation. */
  const join = async () => {
    for (let i = 0; i < 3; i++) await web.sms(SAM, 'yes');
  };
  return { ...web, o, post, invite, household, texted, sessionFor, join };
}
type Setup = Awaited<ReturnType<typeof setUp>>;
type Run = (s: Setup) => Response | Promise<Response>;

const row = (index: number) => HOUSEHOLD_ACTION_ROWS[index]?.name ?? '';
const RUNS: Record<string, Run> = {
  [row(0)]: (s) => s.invite(),
  [row(1)]: async (s) => {
    await s.invite();
    return s.invite();
  },
  [row(2)]: (s) => s.invite(OWNER),
  [row(3)]: (s) => s.invite('12'),
  [row(4)]: async (s) => {
    await s.invite();
    const [pending] = (await s.household()).invitations;
    return s.post('/api/household/remove', { invitationId: pending?.id });
  },
  [row(5)]: async (s) => {
    await s.invite();
    await s.join();
    const [joined] = (await s.household()).invitations;
    expect(joined?.status).toBe('joined');
    const response = await s.post('/api/household/remove', { invitationId: joined?.id });
    const sam = await s.stores.users.findByPhone(SAM);
    expect(s.outbox.delivered(sam?.id ?? '').at(-1)).toMatch(/no longer in the household/i);
    return response;
  },
  [row(6)]: async (s) => {
    await s.onboard(OTHER_OWNER);
    const p = await s.signIn(OTHER_OWNER);
    await s.invite(SAM, p);
    const [theirs] = (await s.household(p)).invitations;
    const response = await s.post('/api/household/remove', { invitationId: theirs?.id });
    expect((await s.household(p)).invitations.map((i) => i.status)).toEqual(['pending']);
    // Sam got P's invitation only; nothing went out for O (the row's 0 counts O's invitations).
    expect(await s.texted(SAM)).toBe(1);
    return response;
  },
  [row(7)]: async (s) => {
    await s.invite();
    await s.join();
    const m = await s.sessionFor(SAM);
    expect((await s.household(m)).membership).toEqual({ ownerLast4: '0301' });
    const response = await s.post('/api/household/leave', {}, m);
    const owner = await s.stores.users.findByPhone(OWNER);
    expect(s.outbox.delivered(owner?.id ?? '').at(-1)).toMatch(/left/i);
    return response;
  },
  [row(8)]: (s) => s.post('/api/household/leave', {}),
};

describe('Household page actions through the chat use case (expected rows)', () => {
  it.each(HOUSEHOLD_ACTION_ROWS)('$name', async (expected) => {
    const run = RUNS[expected.name];
    expect(run, 'a run for every row').toBeDefined();
    const s = await setUp();
    const response = await (run as Run)(s);
    const json = (await response.json()) as { message?: string; error?: { code: string; message: string } };
    expect(response.status, JSON.stringify(json)).toBe(expected.status);
    if (expected.errorCode) expect(json.error?.code).toBe(expected.errorCode);
    const said = (json.message ?? json.error?.message ?? '').toLowerCase();
    for (const fragment of expected.says) expect(said).toContain(fragment);
    expect(said).not.toContain('5550170311');
    const statuses = (await s.household()).invitations.map((i) => i.status);
    expect(statuses).toEqual(expected.invitations);
    // The row about P's invitation counts O's texts (none); its run checks Sam got P's one.
    if (expected !== HOUSEHOLD_ACTION_ROWS[6]) expect(await s.texted(SAM)).toBe(expected.invitationsTexted);
  });

  it('the chat sees what the page did: "family" lists the invitation made on the page', async () => {
    const s = await setUp();
    await s.invite();
    expect(await s.sms(OWNER, 'my family')).toMatch(/sam.*0311/i);
  });

  it('no session is 401, another origin 403, an extra key 400', async () => {
    const s = await setUp();
    const body = { phone: SAM, relation: 'partner' };
    expect((await s.api('/api/household/invite', undefined, { method: 'POST', body })).status).toBe(401);
    const cross = await s.api('/api/household/invite', s.o, {
      method: 'POST',
      body,
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    expect((await s.post('/api/household/invite', { ...body, ownerId: 'x' })).status).toBe(400);
    expect(await s.texted(SAM)).toBe(0);
  });
});
