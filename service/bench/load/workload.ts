/**
 * The bench:load workload: one driver per autocannon connection, each owning its simulated senders, so a sender's
 * messages go one at a time and in order (the conversation's outcome is then predictable and the consistency check
 * exact). Retries replay a recent SMS of any connection, possibly while its first send is still in flight, as
 * Twilio does after a slow answer. Seeded (mulberry32), so a run's mix is reproducible.
 */
import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import type { SentMessage, Stage } from './consistency.ts';

export const BENCH_TOKEN = 'bench-auth-token-0123456789abcdef';
export const BENCH_BASE_URL = 'http://bench.local';

export type RouteName = 'sms' | 'sms plan' | 'sms retry' | 'web chat' | 'web sign-in' | 'web read';

export interface Turn {
  route: RouteName;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The message this send carries (SMS and web chat). */
  message?: SentMessage;
  /** What the answer tells the driver (a sign-in link, a session cookie). */
  onAnswer?: (status: number, body: string, headers: Record<string, string | string[]>) => void;
}

/** One onboarding script step: what is sent and whether the conversation keeps its body (after consent only). */
interface Step {
  text: string;
  logged: boolean;
  stageAfter: Stage;
  makesPlan: boolean;
}

/** Up to the budget: "hi" and YES come before consent, so only what follows is logged. */
const onboardingStep = (text: string, index: number): Step => ({
  text,
  logged: index >= 2,
  stageAfter: index === 0 ? 'awaiting_consent' : 'onboarding',
  makesPlan: false,
});

/**
 * Consent, goal, diet, allergies, household, budget and body data, each its own answer. The couple then asks for a
 * plan, is asked about the other member, and their answer queues the household plan (the in-process queue).
 * The single adults' plans take 0.3–1 s here; a vegetarian losing weight on $80 took 3–4 s per plan on this
 * machine (the whole-week polish), and with it in the mix every figure would be about that one profile.
 */
const ONBOARDING_SCRIPTS = [
  [
    ['hi', 'YES', 'lose weight', 'I eat everything', 'no allergies', 'just me', '$80 a week'],
    ['34 female 165cm 62kg moderate'],
  ],
  [
    ['hey', 'yes', 'maintain', 'I eat everything', 'allergic to peanuts', 'two of us', '$120 a week'],
    ['36 female 165cm 70kg moderate', 'plan', 'partner 38 male'],
  ],
  [
    ['hello', 'YES', 'I want to build muscle', 'pescatarian', 'lactose intolerant', 'just me', '$90'],
    ['28 male 180cm 75kg active'],
  ],
].map(([before, ready = []]) => [
  ...(before ?? []).map((text, index) => onboardingStep(text, index)),
  ...ready.map((text, index) => ({
    text,
    logged: true,
    stageAfter: 'ready' as const,
    makesPlan: index === ready.length - 1 && ready.length > 1,
  })),
]);

/** The turns of the untimed warm-up number (a single adult's onboarding and plan: loads the solver). */
export function warmUpMessages(ledger: Ledger): SentMessage[] {
  const phone = `+1555${String(ledger.nextPhone++).padStart(7, '0')}`;
  const script = ONBOARDING_SCRIPTS[2] ?? [];
  const steps: Step[] = [...script, { text: 'plan', logged: true, stageAfter: 'ready', makesPlan: true }];
  const messages = steps.map((step) => ({
    key: nextSid(),
    label: 'warm-up',
    sender: { phone },
    channel: 'sms' as const,
    body: step.text,
    logged: step.logged,
    stageAfter: step.stageAfter,
    makesPlan: step.makesPlan,
    statuses: [],
  }));
  ledger.sent.push(...messages);
  return messages;
}

/** Which script a new number follows: mostly single adults, one in ten a couple (their plan is queued). */
const scriptsOf = (indexes: number[]) =>
  indexes.map((index) => {
    const script = ONBOARDING_SCRIPTS[index];
    if (!script) throw new Error(`no onboarding script ${index}`);
    return script;
  });
const SCRIPT_CHOICES = scriptsOf([0, 0, 0, 0, 2, 2, 2, 2, 2, 1]);
/** `--without-plans`: the single adults only, and no PLAN texts (to see what the plans cost). */
const SCRIPT_CHOICES_WITHOUT_PLANS = scriptsOf([0, 2]);

const FOOD = ['had 2 eggs and toast', 'ate a banana', 'lunch was a turkey sandwich', 'had oatmeal with milk'];
const QUESTIONS = ['is coffee bad for me?', 'how much protein do I need?', 'are eggs healthy?'];

/** What a ready sender texts, with its weight. `plan` is expensive (the MILP planner): a small share. */
const READY_TURNS: { weight: number; pick: (rng: () => number) => string }[] = [
  { weight: 36, pick: (rng) => pickOf(FOOD, rng) },
  { weight: 12, pick: () => 'today' },
  { weight: 8, pick: () => 'list' },
  { weight: 10, pick: (rng) => pickOf(QUESTIONS, rng) },
  { weight: 6, pick: () => 'HELP' },
  { weight: 5, pick: () => 'STOP' },
  { weight: 1, pick: () => 'plan' },
  { weight: 4, pick: () => 'web' },
];
const WEB_READY = ['had 2 eggs and toast', 'today', 'how much protein do I need?', 'HELP'];

/** Shares of the turns (the rest are ready SMS senders). */
const RETRY_SHARE = 0.03;
const WEB_CHAT_SHARE = 0.12;
const ONBOARDING_SHARE = 0.25;
const RECENT_SMS = 256;

interface Sender {
  label: string;
  address: { phone: string } | { webSessionId: string };
  script: Step[];
  step: number;
  optedOut: boolean;
}

/** Everything every driver sent: the consistency check's half of the comparison. */
export interface Ledger {
  sent: SentMessage[];
  recentSms: SentMessage[];
  nextPhone: number;
  /** Retries sent while an earlier send of the same message was still unanswered (the concurrent case). */
  retriesWhileInFlight: number;
}

export function newLedger(): Ledger {
  return { sent: [], recentSms: [], nextPhone: 0, retriesWhileInFlight: 0 };
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickOf<T>(items: readonly T[], rng: () => number): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

let messageCounter = 0;
function nextSid(): string {
  messageCounter++;
  return `SM${messageCounter.toString(16).padStart(32, '0')}`;
}

/** A signed Twilio form POST carrying `message` (the official library computes the signature). */
export function smsTurn(message: SentMessage, route: RouteName): Turn {
  if (!('phone' in message.sender)) throw new Error('an SMS needs a phone sender');
  const params = {
    MessageSid: message.key,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: message.sender.phone,
    To: '+15550001111',
    Body: message.body,
    NumMedia: '0',
  };
  const signature = twilio.getExpectedTwilioSignature(
    BENCH_TOKEN,
    `${BENCH_BASE_URL}/webhooks/twilio`,
    params,
  );
  return {
    route,
    method: 'POST',
    path: '/webhooks/twilio',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
    message,
  };
}

/** The turns of one connection. `next()` is called only after the previous turn's answer (pipelining 1). */
export class ConnectionDriver {
  readonly #rng: () => number;
  readonly #onboarding: Sender[] = [];
  readonly #ready: Sender[] = [];
  readonly #webOnboarding: Sender[] = [];
  readonly #webReady: Sender[] = [];
  readonly #followUps: Turn[] = [];
  #senders = 0;

  readonly #plans: boolean;

  constructor(
    private readonly id: number,
    private readonly ledger: Ledger,
    options: { seed: number; plans: boolean },
  ) {
    this.#rng = mulberry32(options.seed + id * 7919);
    this.#plans = options.plans;
  }

  next(): Turn {
    const followUp = this.#followUps.shift();
    if (followUp) return followUp;
    const roll = this.#rng();
    if (roll < RETRY_SHARE && this.ledger.recentSms.length > 0) {
      // Half replay one of the newest messages, most likely still being processed (Twilio gave up waiting).
      const recent = this.ledger.recentSms;
      const message = pickOf(this.#rng() < 0.5 ? recent.slice(-12) : recent, this.#rng);
      if (message.statuses.includes(0)) this.ledger.retriesWhileInFlight++;
      return smsTurn(message, 'sms retry');
    }
    if (roll < RETRY_SHARE + WEB_CHAT_SHARE) return this.#webChatTurn();
    if (roll < RETRY_SHARE + WEB_CHAT_SHARE + ONBOARDING_SHARE || this.#ready.length === 0) {
      return this.#smsTurn(this.#onboardingSender(this.#onboarding, 'sms'));
    }
    return this.#smsTurn(pickOf(this.#ready, this.#rng));
  }

  #onboardingSender(pool: Sender[], kind: 'sms' | 'web'): Sender {
    // A few senders onboard side by side on each connection; a new number joins when fewer are left.
    if (pool.length < 3) {
      this.#senders++;
      const label = `${kind}-${this.id}-${this.#senders}`;
      const address =
        kind === 'sms'
          ? { phone: `+1555${String(this.ledger.nextPhone++).padStart(7, '0')}` }
          : { webSessionId: randomUUID() };
      pool.push({
        label,
        address,
        script: pickOf(this.#plans ? SCRIPT_CHOICES : SCRIPT_CHOICES_WITHOUT_PLANS, this.#rng),
        step: 0,
        optedOut: false,
      });
    }
    return pickOf(pool, this.#rng);
  }

  /** The sender's next message: its next onboarding answer, or a weighted everyday turn once ready. */
  #nextStep(sender: Sender, readyTexts: (rng: () => number) => string): Step {
    const scripted = sender.script[sender.step];
    if (scripted) {
      sender.step++;
      return scripted;
    }
    if (sender.optedOut) {
      // While opted out only HELP and START are kept; anything else is ignored and not logged.
      const roll = this.#rng();
      const text = roll < 0.7 ? 'START' : roll < 0.85 ? 'HELP' : 'today';
      if (text === 'START') sender.optedOut = false;
      return { text, logged: text !== 'today', stageAfter: 'ready', makesPlan: false };
    }
    const text = readyTexts(this.#rng);
    if (text === 'STOP') sender.optedOut = true;
    return { text, logged: true, stageAfter: 'ready', makesPlan: text === 'plan' };
  }

  #record(sender: Sender, channel: 'sms' | 'web', step: Step): SentMessage {
    const message: SentMessage = {
      key: channel === 'sms' ? nextSid() : `web-${this.id}-${this.ledger.sent.length}`,
      label: sender.label,
      sender: sender.address,
      channel,
      body: step.text,
      logged: step.logged,
      stageAfter: step.stageAfter,
      makesPlan: step.makesPlan,
      statuses: [],
    };
    this.ledger.sent.push(message);
    return message;
  }

  #smsTurn(sender: Sender): Turn {
    const step = this.#nextStep(sender, (rng) => weightedReadyText(rng, this.#plans));
    if (sender.step === sender.script.length && this.#onboarding.includes(sender)) {
      this.#onboarding.splice(this.#onboarding.indexOf(sender), 1);
      this.#ready.push(sender);
    }
    const message = this.#record(sender, 'sms', step);
    this.ledger.recentSms.push(message);
    if (this.ledger.recentSms.length > RECENT_SMS) this.ledger.recentSms.shift();
    const turn = smsTurn(message, step.makesPlan ? 'sms plan' : 'sms');
    if (step.text === 'web') turn.onAnswer = (status, body) => this.#signInFrom(status, body);
    return turn;
  }

  #webChatTurn(): Turn {
    const onboarding = this.#webOnboarding.length > 0 && (this.#rng() < 0.4 || this.#webReady.length === 0);
    const sender = onboarding
      ? this.#onboardingSender(this.#webOnboarding, 'web')
      : this.#webReady.length > 0
        ? pickOf(this.#webReady, this.#rng)
        : this.#onboardingSender(this.#webOnboarding, 'web');
    const step = this.#nextStep(sender, (rng) => pickOf(WEB_READY, rng));
    if (sender.step === sender.script.length && this.#webOnboarding.includes(sender)) {
      this.#webOnboarding.splice(this.#webOnboarding.indexOf(sender), 1);
      this.#webReady.push(sender);
    }
    if (!('webSessionId' in sender.address)) throw new Error('a web sender needs a session');
    const message = this.#record(sender, 'web', step);
    return {
      route: 'web chat',
      method: 'POST',
      path: '/api/chat',
      headers: {
        'content-type': 'application/json',
        origin: BENCH_BASE_URL,
        cookie: `nutritionist_session=${sender.address.webSessionId}`,
      },
      body: JSON.stringify({ text: step.text }),
      message,
    };
  }

  /** "web" answered with a one-time link: open it (as the button does), then read the log with the session. */
  #signInFrom(status: number, body: string): void {
    const token = status === 200 ? /\/signin\/([A-Za-z0-9_-]+)/.exec(body)?.[1] : undefined;
    if (!token) return;
    let cookie: string | undefined;
    const read: Turn = { route: 'web read', method: 'GET', path: '/api/log/today', headers: {} };
    this.#followUps.push(
      {
        route: 'web sign-in',
        method: 'POST',
        path: `/signin/${token}`,
        headers: { origin: BENCH_BASE_URL },
        onAnswer: (_status, _body, headers) => {
          const setCookie = headers['set-cookie'] ?? headers['Set-Cookie'];
          const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
          cookie = first?.split(';')[0];
          if (cookie) read.headers.cookie = cookie;
        },
      },
      read,
    );
  }
}

const WITHOUT_PLANS = READY_TURNS.filter((turn) => turn.pick(() => 0) !== 'plan');

function weightedReadyText(rng: () => number, plans: boolean): string {
  const turns = plans ? READY_TURNS : WITHOUT_PLANS;
  let roll = rng() * turns.reduce((sum, turn) => sum + turn.weight, 0);
  for (const turn of turns) {
    roll -= turn.weight;
    if (roll < 0) return turn.pick(rng);
  }
  return 'today';
}
