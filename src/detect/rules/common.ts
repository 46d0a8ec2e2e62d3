// Helpers the single-event rules share: how bad a change to an admin is, by the admin's tier and by
// whether he did it to himself (an intruder signed in as the admin also acts "on himself").
import type { CanonicalEvent } from '../../core/event.ts';
import type { AdminTier } from '../admin.ts';
import { isSelf, subjectOf } from '../event-values.ts';
import type { Mark } from '../facts.ts';
import type { EntityRef, Severity } from '../finding.ts';
import type { AdminCondition, FindingDraft } from '../rule.ts';

type TierSeverity = Partial<Record<AdminTier | 'none', Severity>>;

/** Done to an admin by someone else: high for tier 0, medium for other admins. */
export const BY_OTHER: TierSeverity = { global: 'high', privileged: 'high', admin: 'medium' };
/** Done by the admin to himself (or by the system): worth a look, rarely an alarm on its own. */
export const BY_SELF: TierSeverity = { global: 'medium', privileged: 'medium', admin: 'low' };

/** An admin condition that requires `who` to be an admin, with severity by actor (self or other). */
export function adminTarget(ev: CanonicalEvent, who: EntityRef, other: TierSeverity = BY_OTHER, self: TierSeverity = BY_SELF): AdminCondition {
  const byPerson = ev.actor.kind === 'user' || ev.actor.kind === 'unknown';
  return { who, required: true, severity: byPerson && !isSelf(ev, who) ? other : self };
}

/** Whether someone other than `who` (a person, not the system) did it. */
export function byAnother(ev: CanonicalEvent, who: EntityRef | undefined): boolean {
  return (ev.actor.kind === 'user' || ev.actor.kind === 'unknown') && !isSelf(ev, who);
}

/** Whether a made-admin mark for a privileged role comes at or after `t` (the account became an admin later). */
export function laterAdmin(marks: readonly Mark[], t: number): boolean {
  return marks.some((m) => m.t >= t && (m.tier === 'global' || m.tier === 'privileged'));
}

/** Joins values for a param; `-` when there are none. */
export function list(values: readonly string[]): string {
  return values.length === 0 ? '-' : values.join(', ');
}

/** An admin's password reset or changed by someone else (M6, G4): the admin is the subject. */
export function adminPasswordByOther(e: CanonicalEvent): FindingDraft | undefined {
  const subject = subjectOf(e);
  if (subject === undefined || isSelf(e, subject)) return undefined;
  return { subject, admin: { who: subject, required: true, severity: BY_OTHER }, step: 'password-reset' };
}
