// One Google Workspace Reports API activity → one CanonicalEvent per entry of its `events[]`.
// The event id is built from the activity's `id.time`, `id.uniqueQualifier` and the event's index, since
// the activity id is shared by all its events.
import type { Actor, CanonicalEvent, Change, EventResult, Target } from '../../../core/event.ts';
import { eventId, RecordError, requireTime, resolveTenant, type NormaliseOptions } from '../../common/normalise.ts';
import { firstStr, isObj, str, type Obj } from '../../common/values.ts';
import { googleAction } from './actions.ts';

export function isGoogleActivity(o: Obj): boolean {
  if (o.kind === 'admin#reports#activity') return true;
  return isObj(o.id) && typeof o.id.applicationName === 'string' && Array.isArray(o.events);
}

type ParamValue = string | boolean | number | readonly string[];

function paramValue(p: Obj): ParamValue | undefined {
  if (p.value !== undefined) return typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
  if (p.intValue !== undefined) return typeof p.intValue === 'string' ? p.intValue : JSON.stringify(p.intValue);
  if (typeof p.boolValue === 'boolean') return p.boolValue;
  if (Array.isArray(p.multiValue)) return p.multiValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (Array.isArray(p.multiIntValue)) return p.multiIntValue.map((v) => String(v as string | number));
  if (p.messageValue !== undefined) return JSON.stringify(p.messageValue);
  if (Array.isArray(p.multiMessageValue)) return p.multiMessageValue.map((v) => JSON.stringify(v));
  return undefined;
}

/** An event's parameters as a name → value lookup (the shape googleAction takes). */
export function googleParams(parameters: unknown): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  if (!Array.isArray(parameters)) return out;
  for (const p of parameters) {
    if (!isObj(p)) continue;
    const name = str(p.name);
    if (name === undefined) continue;
    const v = paramValue(p);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function one(v: ParamValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.length > 0 ? v.join(', ') : undefined;
}

/** Parameters that name what an event acted on, and the target kind they imply. */
const TARGET_PARAMS: ReadonlyArray<readonly [string, string, string | undefined]> = [
  // [name parameter, kind, id parameter]
  ['USER_EMAIL', 'user', undefined],
  ['GROUP_EMAIL', 'group', undefined],
  ['ROLE_NAME', 'role', 'ROLE_ID'],
  ['DOMAIN_NAME', 'domain', undefined],
  ['SECONDARY_DOMAIN_NAME', 'domain', undefined],
  ['DOMAIN_ALIAS', 'domain', undefined],
  ['API_CLIENT_NAME', 'application', undefined],
  ['APP_NAME', 'application', 'APP_ID'],
  ['app_name', 'application', 'client_id'],
  ['ORG_UNIT_NAME', 'orgunit', undefined],
  ['doc_title', 'file', 'doc_id'],
  ['affected_email_address', 'user', undefined],
];

function googleTargets(params: Record<string, ParamValue>): Target[] {
  const targets: Target[] = [];
  for (const [nameKey, kind, idKey] of TARGET_PARAMS) {
    const name = one(params[nameKey]);
    const id = idKey !== undefined ? one(params[idKey]) : undefined;
    if (name === undefined && id === undefined) continue;
    const t: Target = { kind };
    if (id !== undefined) t.id = id;
    if (name !== undefined) t.name = name;
    targets.push(t);
  }
  return targets;
}

function googleChanges(eventName: string, params: Record<string, ParamValue>): Change[] {
  const oldV = one(params.OLD_VALUE);
  const newV = one(params.NEW_VALUE);
  if (oldV === undefined && newV === undefined) return [];
  const c: Change = { name: one(params.SETTING_NAME) ?? eventName };
  if (oldV !== undefined) c.old = oldV;
  if (newV !== undefined) c.new = newV;
  return [c];
}

function googleActor(a: Obj): Actor {
  const actor: Actor = { kind: 'unknown' };
  const who = isObj(a.actor) ? a.actor : {};
  const email = str(who.email);
  const profileId = str(who.profileId);
  const callerType = str(who.callerType);
  if (callerType === 'USER' || (callerType === undefined && email !== undefined)) actor.kind = 'user';
  else if (callerType === 'KEY') actor.kind = str(who.key) === 'SYSTEM' ? 'system' : 'app';
  if (isObj(who.applicationInfo)) {
    actor.kind = 'app';
    const app = who.applicationInfo;
    const appName = firstStr(app.applicationName, app.oauthClientId);
    if (email === undefined && appName !== undefined) actor.name = appName;
  }
  if (profileId !== undefined) actor.id = profileId;
  else {
    const key = str(who.key);
    if (key !== undefined && actor.kind !== 'system') actor.id = key;
  }
  if (email !== undefined) actor.name = email;
  const ip = str(a.ipAddress);
  if (ip !== undefined) actor.ip = ip;
  return actor;
}

function googleResult(eventName: string): EventResult {
  const l = eventName.toLowerCase();
  return l.endsWith('failure') || l.endsWith('_blocked') ? 'failure' : 'success';
}

/** The events of one activity. Throws RecordError when the activity has no id/time or no events. */
export function normaliseGoogleActivity(a: Obj, opts: NormaliseOptions = {}): CanonicalEvent[] {
  const idObj = isObj(a.id) ? a.id : {};
  const application = str(idObj.applicationName);
  if (application === undefined) throw new RecordError('import.record.no_action', { field: 'id.applicationName' });
  const time = requireTime(idObj.time, 'id.time');
  const events = Array.isArray(a.events) ? a.events : [];
  if (events.length === 0) throw new RecordError('import.record.no_action', { field: 'events' });
  const source = `gws.${application}`;
  const tenant = resolveTenant(str(idObj.customerId), opts);
  const qualifier = str(idObj.uniqueQualifier);
  const raw = opts.raw ?? a;
  const out: CanonicalEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const ev: unknown = events[i];
    if (!isObj(ev)) continue;
    const nativeAction = str(ev.name) ?? str(ev.type);
    if (nativeAction === undefined) continue;
    const params = googleParams(ev.parameters);
    const actor = googleActor(a);
    const targets = googleTargets(params);
    const changes = googleChanges(nativeAction, params);
    const result = googleResult(nativeAction);
    const nativeId = qualifier !== undefined ? `${str(idObj.time) ?? time}|${qualifier}|${i}` : undefined;
    out.push({
      id: eventId('gws', source, nativeId, { tenant, time, nativeAction, actor, targets, changes, result }),
      tenant,
      provider: 'gws',
      source,
      time,
      action: googleAction(application, nativeAction, params),
      nativeAction,
      actor,
      targets,
      changes,
      result,
      raw,
    });
  }
  if (out.length === 0) throw new RecordError('import.record.no_action', { field: 'events[].name' });
  return out;
}
