import type { Profile } from '../domain/profile.ts';
import type { Decision } from './conversation-types.ts';
import type { MessageCatalog } from './messages/index.ts';
import { parseProfileUpdate } from './parse/index.ts';
import { changedFields, describeProfile } from './profile-summary.ts';

const PROFILE_REQUEST = /^\s*(my\s+)?(profile|perfil|mi perfil|settings|my details|me)\s*[?.!]*\s*$/i;

/** A fully onboarded user: show or change the profile, otherwise the menu of what they can say. */
export function respondWhenReady(text: string, profile: Profile, base: Decision, m: MessageCatalog): Decision {
  if (PROFILE_REQUEST.test(text)) return { ...base, replies: [m.profileSummary(describeProfile(profile, m))] };
  const update = parseProfileUpdate(text);
  const next: Profile = {
    ...profile,
    ...update,
    ...(update.body ? { body: { ...profile.body, ...update.body } } : {}),
  };
  const changed = changedFields(profile, next);
  if (changed.length > 0) {
    return { ...base, profile: next, replies: [m.updated(describeProfile(next, m, changed))] };
  }
  return { ...base, replies: [m.menu()] };
}
