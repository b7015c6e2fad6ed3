import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { type PlanRequest, planRequestSchema } from '../../core/planning/plan-request.ts';
import { renderPlanText } from './plan-text.ts';
import { oneLine } from './text-table.ts';

export interface PlanOptions {
  profile?: string;
  json: boolean;
}

/** A profile that cannot be used, as the one line the user sees on stderr. */
type ProfileLoad = { ok: true; request: PlanRequest } | { ok: false; message: string };

/** The first zod issue as "field.path: message"; unknown keys are named by the keys themselves. */
export function describeProfileIssue(issue: z.core.$ZodIssue): string {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path.map(String), ...(issue.path.length === 0 ? keys : [])].join('.');
  return `Invalid profile: ${path || '(profile)'}: ${oneLine(issue.message)}`;
}

export async function loadProfile(file: string): Promise<ProfileLoad> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return { ok: false, message: `Cannot read profile file "${file}" (${reason})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: oneLine(`Profile file "${file}" is not valid JSON: ${reason}`) };
  }
  const parsed = planRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    return { ok: false, message: first ? describeProfileIssue(first) : 'Invalid profile' };
  }
  return { ok: true, request: parsed.data };
}

/**
 * `plan --profile FILE [--json]`. A bad profile exits 2 with one line; an infeasible plan is an answer, not an
 * error, so it exits 0 with its reason. With --json stdout carries exactly one JSON document.
 */
export async function runPlan(options: PlanOptions): Promise<number> {
  if (options.profile === undefined || options.profile === '') {
    process.stderr.write('plan needs --profile FILE (a JSON household profile)\n');
    return 2;
  }
  const profile = await loadProfile(options.profile);
  if (!profile.ok) {
    process.stderr.write(`${profile.message}\n`);
    return 2;
  }
  // Loaded only once the profile is valid: the solver is the heavy part of start-up.
  const { composePlanner } = await import('../../composition/planner.ts');
  const plan = await composePlanner().planWeek(profile.request);
  process.stdout.write(options.json ? `${JSON.stringify(plan)}\n` : renderPlanText(plan));
  return 0;
}
