// TB-AAD-024: every app that holds a secret or certificate is one the owner declared (takeback's own
// app included). A credential on an unknown app is how an intruder keeps access after a clean-up.
import type { Snapshot } from '../../../../core/snapshot.ts';
import { configMissing, fail, item, pass } from '../../../outcome.ts';
import type { CheckContext, CheckOutcome, Subject } from '../../../types.ts';

export function check(s: Snapshot, ctx: CheckContext): CheckOutcome {
  const declared = ctx.expected?.apps;
  if (declared === undefined) return configMissing('expected.apps');
  const ok = new Set([...declared, ...(ctx.selfAppId ? [ctx.selfAppId] : [])].map((a) => a.trim().toLowerCase()));
  const now = Date.parse(ctx.now);
  const unknown = new Map<string, { subject: Subject; count: number }>();
  for (const c of s.appCredentials) {
    if (c.endAt !== undefined && Date.parse(c.endAt) < now) continue;
    if (ok.has(c.appId.toLowerCase()) || (c.appName !== undefined && ok.has(c.appName.toLowerCase()))) continue;
    const entry = unknown.get(c.appId) ?? { subject: { kind: 'app', id: c.appId, ...(c.appName ? { name: c.appName } : {}) }, count: 0 };
    entry.count++;
    unknown.set(c.appId, entry);
  }
  if (unknown.size === 0) return pass();
  const apps = [...unknown.values()];
  return fail(
    apps.map((a) => item('unknownApp', { app: a.subject.name ?? a.subject.id, appId: a.subject.id, count: a.count }, a.subject)),
    apps.map((a) => ({ target: 'applications.credentials', subject: a.subject, current: a.count, wanted: 0 })),
  );
}
