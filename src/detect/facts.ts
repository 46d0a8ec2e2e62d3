// What the whole data set says about a tenant, gathered in the same single pass that runs the
// single-event rules: who is (or was) an admin and why, which accounts are new, where each account
// signs in from, which addresses an IP was used by. Rules read it only after the pass ("freeze"), so a
// deletion can be judged by a role removal logged later, and files need not arrive in time order.
import type { Action } from '../core/actions.ts';
import { appendAll } from '../core/arrays.ts';
import type { CanonicalEvent, Provider } from '../core/event.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { higherTier, roleOfEvent, roleTier, type AdminTier } from './admin.ts';
import { domainOf } from './event-values.ts';
import { isCanonicalIso, isoMs } from '../core/iso-time.ts';
import type { EntityRef } from './finding.ts';
import { aliasesOf, Identities, isPrincipalKind, normAlias, undeletedUpn } from './identity.ts';

export const DAY_MS = 86_400_000;

export type MarkKind =
  | 'created'
  | 'deleted'
  | 'disabled'
  | 'enabled'
  | 'restored'
  | 'password-reset'
  | 'made-admin'
  | 'admin-removed'
  | 'auth-method'
  | 'risk'
  | 'device'
  | 'privileged-op';

/** Something that happened to (or, for `privileged-op`, was done by) a principal. */
export interface Mark {
  what: MarkKind;
  t: number;
  time: string;
  eventId: string;
  /** Alias of the actor, when another principal did it. */
  by?: string;
  ip?: string;
  tier?: AdminTier;
  action: Action;
  /** For `privileged-op`: alias of the principal acted on. */
  on?: string;
}

export interface AdminEvidence {
  tier: AdminTier;
  /** Role names, most powerful first once frozen. */
  roles: string[];
  /** `snapshot`: a role assignment; `event`: a role assignment or removal in the logs; `inferred`: did what only an admin can. */
  source: 'snapshot' | 'event' | 'inferred';
  eventId?: string;
}

export interface SeenStat {
  first: number;
  firstTime: string;
  firstId: string;
  count: number;
}

export interface AccountSignIns {
  first: number;
  firstTime: string;
  ips: Map<string, SeenStat>;
  countries: Map<string, SeenStat>;
  /** Failed sign-in times per IP. */
  failures: Map<string, number[]>;
}

export interface IpAction {
  t: number;
  eventId: string;
  action: Action;
  by?: string;
}

/** Actions an intruder takes right after getting in; also what an admin-only actor does. */
const SENSITIVE: ReadonlySet<Action> = new Set<Action>([
  'user.created',
  'user.deleted',
  'user.disabled',
  'role.assigned',
  'role.unassigned',
  'password.reset',
  'auth.method.registered',
  'auth.method.changed',
  'auth.method.removed',
  'auth.tap.issued',
  'mfa.disabled',
  'recovery.contact.changed',
  'tenant.contacts.changed',
  'policy.auth.changed',
  'policy.ca.changed',
  'policy.security_defaults.changed',
  'domain.added',
  'domain.federated',
  'app.credential.added',
  'consent.granted',
  'audit.disabled',
  'mail.forwarding.changed',
  'partner.added',
  'license.changed',
]);

/** Directory changes only an admin role allows (Entra and Google alike). */
const ADMIN_ONLY: ReadonlySet<Action> = new Set<Action>([
  'user.created',
  'user.deleted',
  'user.disabled',
  'password.reset',
  'role.assigned',
  'role.unassigned',
  'license.changed',
  'tenant.contacts.changed',
  'policy.auth.changed',
  'policy.ca.changed',
  'policy.security_defaults.changed',
  'domain.added',
  'domain.federated',
  'audit.disabled',
  'partner.added',
]);

const AUTH_ACTIONS: ReadonlySet<Action> = new Set<Action>(['auth.method.registered', 'auth.method.changed', 'auth.method.removed', 'auth.tap.issued', 'mfa.disabled']);

const MAX_USERS_PER_IP = 64;
const NO_MARKS: readonly Mark[] = [];
const MAX_FAILURES = 32;

/** Appends `v` to the list kept under `k`, starting the list if there is none. */
export function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Counts a sighting. Times compare as numbers: comparing strings would read an old event's time again. */
function see(m: Map<string, SeenStat>, k: string, t: number, time: string, id: string): void {
  const s = m.get(k);
  if (s === undefined) m.set(k, { first: t, firstTime: time, firstId: id, count: 1 });
  else seen(s, t, time, id);
}

function seen(s: SeenStat, t: number, time: string, id: string): void {
  s.count++;
  if (t < s.first) {
    s.first = t;
    s.firstTime = time;
    s.firstId = id;
  }
}

/**
 * A record's id (or name) worked out once: the alias it gives with the name it came with. One id can
 * come with several names (a renamed account, a source that mixes them up): each other pair is kept
 * too, so records alternating between them do not redo the work each time. Redoing it would change
 * nothing: the join is already made and the alias already has a name.
 */
interface ActorAlias {
  name: string | undefined;
  alias: string | undefined;
  otherNames?: Map<string | undefined, string | undefined>;
}

/**
 * What the pass keeps per IP, found with one look-up per event. Its `ip` is the one string the facts
 * use as that IP's key everywhere: maps then match it by identity instead of re-reading each event's
 * own copy of the address.
 */
interface IpFacts {
  ip: string;
  /** Aliases that used it (at most MAX_USERS_PER_IP). */
  users: Set<string>;
  /** The alias added last (a repeat needs no set look-up). */
  lastUser: string | undefined;
  /** Successful sign-ins from it (the entry `tenantIps` holds). */
  signIns: SeenStat | undefined;
}

/** A sign-in's country: Graph `location.countryOrRegion`, Log Analytics `Location`. */
function countryOf(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const loc = r.location;
  const c = loc !== null && typeof loc === 'object' ? (loc as Record<string, unknown>).countryOrRegion : r.Location;
  return typeof c === 'string' && c !== '' ? c.toUpperCase() : undefined;
}

function firstAlias(ref: { id?: string | undefined; name?: string | undefined }): string | undefined {
  return aliasesOf(ref)[0];
}

export class TenantFacts {
  readonly ids = new Identities();
  provider: Provider | undefined;
  // Earliest and latest event times seen. Canonical times are compared as text (same order as their
  // instants, and no number is made per event); any other form is read as a number.
  private firstCanonical: string | undefined;
  private lastCanonical: string | undefined;
  private firstOtherMs = Infinity;
  private lastOtherMs = -Infinity;
  private lastMsOf: string | undefined;
  private lastCanonicalMs = -Infinity;
  /** Latest snapshot time (ms), when there is a snapshot. */
  snapshotMs: number | undefined;
  /** Domains the tenant owns: from snapshots when there are any, else from the addresses of its users. */
  readonly snapshotDomains = new Set<string>();
  readonly seenDomains = new Set<string>();
  // The sign-in history (below, and each account's sign-ins): gathered only when a rule reads it.
  private readonly tenantIps_ = new Map<string, SeenStat>();
  private readonly tenantCountries_ = new Map<string, SeenStat>();
  private tenantFirstSignIn_ = Infinity;
  private readonly ipActions_ = new Map<string, IpAction[]>();

  private readonly adminByAlias = new Map<string, AdminEvidence>();
  private readonly marksByAlias = new Map<string, Mark[]>();
  private readonly signInsByAlias = new Map<string, AccountSignIns>();
  private readonly ipFacts = new Map<string, IpFacts>();
  /** Actor aliases by the record's own id (or name): lower-casing and joining once per principal, not per event. */
  private readonly actorCache = new Map<string, ActorAlias>();
  private readonly createdAtByAlias = new Map<string, number>();
  private readonly namesByAlias = new Map<string, string>();

  private admins = new Map<string, AdminEvidence>();
  private marks = new Map<string, Mark[]>();
  private signIns = new Map<string, AccountSignIns>();
  private ipUsers = new Map<string, Set<string>>();
  private createdAt_ = new Map<string, number>();
  private names = new Map<string, string>();
  private frozen = false;
  private readonly marksByKind = new Map<string, Map<MarkKind, Mark[]>>();
  private readonly keyMemo = new Map<string, Map<string, string | undefined>>();
  private readonly keyByKnownId = new Map<string, string>();
  private lastKeyed: { id: string | undefined; name: string | undefined; key: string | undefined } | undefined;

  constructor(
    readonly tenant: string,
    /** Accounts created or made admin this many days before the latest data count as new. */
    readonly recentDays = 30,
    /**
     * Gather the sign-in history (each account's sign-ins, addresses and countries, failures, the
     * changes made from each IP). Only rules that declare `readsSignInHistory` read it, and on a big
     * log it is a large part of the pass: a detector without such rules leaves it out.
     */
    readonly signInHistory = true,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Gathering

  observe(ev: CanonicalEvent): void {
    this.provider ??= ev.provider;
    const time = ev.time;
    if (isCanonicalIso(time)) {
      if (this.lastCanonical === undefined || time > this.lastCanonical) this.lastCanonical = time;
      if (this.firstCanonical === undefined || time < this.firstCanonical) this.firstCanonical = time;
    } else {
      const t = isoMs(time);
      if (t < this.firstOtherMs) this.firstOtherMs = t;
      if (t > this.lastOtherMs) this.lastOtherMs = t;
    }
    const a = ev.actor;
    const actor = this.actorAlias(a);
    const ip = a.ip;
    const ipf = ip !== undefined && actor !== undefined ? this.useIp(ip, actor) : undefined;

    const action = ev.action;
    if (action === 'signin') {
      if (actor !== undefined && this.signInHistory) this.signIn(ev, actor, ipf, isoMs(time));
      return;
    }
    if (action === 'signin.failed') {
      if (actor !== undefined && ip !== undefined && this.signInHistory) this.failure(actor, ip, isoMs(time));
      return;
    }

    for (const target of ev.targets) {
      if (target.name !== undefined && isPrincipalKind(target.kind)) this.targetAlias(target);
    }
    if (ev.source === 'gws.admin' && actor !== undefined && ev.result !== 'failure') this.admin(actor, 'admin', undefined, 'inferred', ev.id);
    if (!SENSITIVE.has(action) && action !== 'user.enabled' && action !== 'user.restored' && action !== 'risk.detected' && action !== 'device.registered') return;
    if (ev.result === 'failure') return;
    this.observeChange(ev, isoMs(time), actor);
  }

  /**
   * A sensitive change that went through: marks on the principals involved, admin evidence. Its own
   * method, so that the closure below is made for these few events, not for every event.
   */
  private observeChange(ev: CanonicalEvent, t: number, actor: string | undefined): void {
    const a = ev.actor;
    const ip = a.ip;
    const action = ev.action;
    if (ip !== undefined && this.signInHistory && SENSITIVE.has(action)) {
      const entry: IpAction = { t, eventId: ev.id, action };
      if (actor !== undefined) entry.by = actor;
      push(this.ipActions_, ip, entry);
    }
    const subject = this.subjectAlias(ev);
    const mark = (who: string | undefined, what: MarkKind, tier?: AdminTier): void => {
      if (who === undefined) return;
      const m: Mark = { what, t, time: ev.time, eventId: ev.id, action };
      if (actor !== undefined && actor !== who) m.by = actor;
      if (ip !== undefined) m.ip = ip;
      if (tier !== undefined) m.tier = tier;
      push(this.marksByAlias, who, m);
    };
    switch (action) {
      case 'user.created':
        mark(subject, 'created');
        if (a.kind === 'user' && subject !== undefined) this.addDomain(subject, this.seenDomains);
        break;
      case 'user.deleted':
        mark(subject, 'deleted');
        break;
      case 'user.disabled':
        mark(subject, 'disabled');
        break;
      case 'user.enabled':
        mark(subject, 'enabled');
        break;
      case 'user.restored':
        mark(subject, 'restored');
        break;
      case 'password.reset':
        mark(subject, 'password-reset');
        break;
      case 'role.assigned':
      case 'role.unassigned': {
        const role = roleOfEvent(ev);
        if (role?.tier !== undefined && subject !== undefined) {
          this.admin(subject, role.tier, role.name, 'event', ev.id);
          mark(subject, action === 'role.assigned' ? 'made-admin' : 'admin-removed', role.tier);
          // Only a privileged admin can grant or take away a privileged role.
          if (actor !== undefined && role.tier !== 'admin') this.admin(actor, ev.provider === 'gws' ? role.tier : 'privileged', undefined, 'inferred', ev.id);
        }
        break;
      }
      case 'risk.detected':
        mark(subject ?? actor, 'risk');
        return;
      case 'device.registered':
        mark(actor ?? subject, 'device');
        return;
      default:
        if (AUTH_ACTIONS.has(action)) mark(subject ?? actor, 'auth-method');
    }
    if (actor !== undefined && (subject === undefined || subject !== actor)) {
      const m: Mark = { what: 'privileged-op', t, time: ev.time, eventId: ev.id, action };
      if (ip !== undefined) m.ip = ip;
      if (subject !== undefined) m.on = subject;
      push(this.marksByAlias, actor, m);
    }
    // Only an admin can do these to others: an actor seen doing them counts as an admin (inferred).
    if (actor !== undefined && a.kind === 'user' && ADMIN_ONLY.has(action) && (subject === undefined || subject !== actor || action === 'license.changed')) {
      this.admin(actor, 'admin', undefined, 'inferred', ev.id);
    }
  }

  /** Records what a snapshot says: aliases, admins by role template id, creation dates, domains. */
  observeSnapshot(s: Snapshot, current: boolean): void {
    this.provider ??= s.provider;
    const t = Date.parse(s.collectedAt);
    if (current || this.snapshotMs === undefined) this.snapshotMs = Math.max(this.snapshotMs ?? -Infinity, t);
    for (const d of s.info?.domains ?? []) this.snapshotDomains.add(d.name.toLowerCase());
    for (const p of s.principals) {
      const aliases = aliasesOf({ id: p.id, name: p.upn });
      this.ids.join(aliases);
      if (p.upn !== undefined && p.kind === 'user') this.addDomain(p.upn, this.seenDomains);
      const first = aliases[0];
      if (first !== undefined && p.createdAt !== undefined) this.createdAtByAlias.set(first, Date.parse(p.createdAt));
      if (first !== undefined && (p.upn ?? p.name) !== undefined) this.namesByAlias.set(first, (p.upn ?? p.name)!);
    }
    for (const d of s.deletedPrincipals) this.ids.join(aliasesOf({ id: d.id, name: d.upn }));
    for (const r of s.roleAssignments) {
      const tier = roleTier(s.provider, r.roleTemplateId);
      const alias = normAlias(r.principalId);
      if (tier !== undefined && alias !== undefined) this.admin(alias, tier, r.roleName ?? r.roleTemplateId, 'snapshot');
    }
  }

  private actorAlias(a: CanonicalEvent['actor']): string | undefined {
    const raw = a.id ?? a.name;
    if (raw === undefined) return undefined;
    const hit = this.actorCache.get(raw);
    if (hit !== undefined) {
      if (hit.name === a.name) return hit.alias;
      if (hit.otherNames?.has(a.name) === true) return hit.otherNames.get(a.name);
    }
    const aliases = aliasesOf(a);
    if (a.id !== undefined && a.name !== undefined) this.ids.join(aliases);
    const alias = aliases[0];
    if (alias !== undefined && a.name !== undefined && !this.namesByAlias.has(alias)) {
      this.namesByAlias.set(alias, a.name);
      if (a.kind === 'user') this.addDomain(a.name, this.seenDomains);
    }
    this.remember(raw, hit, a.name, alias);
    return alias;
  }

  private remember(raw: string, hit: ActorAlias | undefined, name: string | undefined, alias: string | undefined): void {
    if (hit === undefined) this.actorCache.set(raw, { name, alias });
    else (hit.otherNames ??= new Map()).set(name, alias);
  }

  /** Joins a target's id and name once, and remembers its name for display. */
  private targetAlias(t: { id?: string; name?: string }): void {
    const raw = t.id ?? t.name!;
    const hit = this.actorCache.get(raw);
    if (hit !== undefined && (hit.name === t.name || hit.otherNames?.has(t.name) === true)) return;
    const aliases = aliasesOf(t);
    if (t.id !== undefined) this.ids.join(aliases);
    const first = aliases[0];
    if (first !== undefined && t.name !== undefined && !this.namesByAlias.has(first)) this.namesByAlias.set(first, t.name);
    this.remember(raw, hit, t.name, first);
  }

  private addDomain(address: string, into: Set<string>): void {
    const d = address.includes('@') ? domainOf(address) : undefined;
    if (d !== undefined && !d.includes('#')) into.add(d);
  }

  private subjectAlias(ev: CanonicalEvent): string | undefined {
    for (const t of ev.targets) {
      if (!isPrincipalKind(t.kind)) continue;
      const a = firstAlias(t);
      if (a !== undefined) return a;
    }
    return undefined;
  }

  private admin(alias: string, tier: AdminTier, role: string | undefined, source: AdminEvidence['source'], eventId?: string): void {
    const e = this.adminByAlias.get(alias);
    if (e === undefined) {
      const n: AdminEvidence = { tier, roles: role !== undefined ? [role] : [], source };
      if (eventId !== undefined) n.eventId = eventId;
      this.adminByAlias.set(alias, n);
      return;
    }
    mergeAdmin(e, { tier, roles: role !== undefined ? [role] : [], source, ...(eventId !== undefined ? { eventId } : {}) });
  }

  private useIp(ip: string, alias: string): IpFacts {
    let f = this.ipFacts.get(ip);
    if (f === undefined) {
      f = { ip, users: new Set(), lastUser: undefined, signIns: undefined };
      this.ipFacts.set(ip, f);
    }
    // Consecutive events from one address are mostly one account's: skip the set for a repeat.
    if (f.lastUser !== alias) {
      f.lastUser = alias;
      if (f.users.size < MAX_USERS_PER_IP) f.users.add(alias);
    }
    return f;
  }

  /** `ipf`: the facts of the sign-in's IP, when it has one. */
  private signIn(ev: CanonicalEvent, alias: string, ipf: IpFacts | undefined, t: number): void {
    const time = ev.time;
    let s = this.signInsByAlias.get(alias);
    if (s === undefined) {
      s = { first: t, firstTime: time, ips: new Map(), countries: new Map(), failures: new Map() };
      this.signInsByAlias.set(alias, s);
    } else if (t < s.first) {
      s.first = t;
      s.firstTime = time;
    }
    if (t < this.tenantFirstSignIn_) this.tenantFirstSignIn_ = t;
    if (ipf !== undefined) {
      see(s.ips, ipf.ip, t, time, ev.id);
      if (ipf.signIns === undefined) {
        ipf.signIns = { first: t, firstTime: time, firstId: ev.id, count: 1 };
        this.tenantIps_.set(ipf.ip, ipf.signIns);
      } else seen(ipf.signIns, t, time, ev.id);
    }
    // Graph and the portal download carry a location; the UAL does not.
    const country = countryOf(ev.raw);
    if (country !== undefined) {
      see(s.countries, country, t, time, ev.id);
      see(this.tenantCountries_, country, t, time, ev.id);
    }
  }

  private failure(alias: string, ip: string, t: number): void {
    let s = this.signInsByAlias.get(alias);
    if (s === undefined) {
      // No successful sign-in yet: `first` stays Infinity and `firstTime` empty unless one comes.
      s = { first: Infinity, firstTime: '', ips: new Map(), countries: new Map(), failures: new Map() };
      this.signInsByAlias.set(alias, s);
    }
    const list = s.failures.get(ip);
    if (list === undefined) s.failures.set(ip, [t]);
    else if (list.length < MAX_FAILURES) list.push(t);
  }

  // ---------------------------------------------------------------------------------------------
  // After the pass: everything keyed by principal, whatever alias each record used.

  freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    const key = (alias: string): string => this.ids.keyOfAlias(alias);
    for (const [alias, e] of this.adminByAlias) {
      const k = key(alias);
      const have = this.admins.get(k);
      if (have === undefined) this.admins.set(k, { ...e, roles: [...e.roles] });
      else mergeAdmin(have, e);
    }
    for (const [alias, list] of this.marksByAlias) {
      const k = key(alias);
      const have = this.marks.get(k);
      if (have === undefined) this.marks.set(k, [...list]);
      else appendAll(have, list);
    }
    for (const [k, list] of this.marks) {
      // Aliases differ between records (an id as actor, a UPN as target): compare principals, not spellings.
      const kept: Mark[] = [];
      for (const m of list) {
        if (m.by !== undefined) {
          const by = key(m.by);
          if (by === k) delete m.by;
          else m.by = by;
        }
        if (m.on !== undefined) {
          m.on = key(m.on);
          if (m.what === 'privileged-op' && m.on === k) continue;
        }
        kept.push(m);
      }
      kept.sort((x, y) => x.t - y.t);
      this.marks.set(k, kept);
    }
    for (const [alias, s] of this.signInsByAlias) {
      const k = key(alias);
      const have = this.signIns.get(k);
      if (have === undefined) this.signIns.set(k, s);
      else mergeSignIns(have, s);
    }
    for (const [alias, t] of this.createdAtByAlias) this.createdAt_.set(key(alias), t);
    for (const [alias, name] of this.namesByAlias) {
      const k = key(alias);
      const have = this.names.get(k);
      // A UPN reads better than an object id or a display name.
      if (have === undefined || (!have.includes('@') && name.includes('@'))) this.names.set(k, name);
    }
    for (const list of this.ipActions_.values()) list.sort((x, y) => x.t - y.t);
  }

  key(ref: { id?: string | undefined; name?: string | undefined } | undefined): string | undefined {
    if (ref === undefined) return undefined;
    if (!this.frozen) return this.ids.key(ref);
    // Once frozen the aliases no longer change, and findings ask for the same few principals over and
    // over: remember each answer instead of lower-casing and matching the aliases again.
    // A known id decides the key whatever the name: one look-up, and the name is not read.
    if (ref.id !== undefined) {
      const byId = this.keyByKnownId.get(ref.id);
      if (byId !== undefined) return byId;
      const known = this.ids.keyOfKnownId(ref.id);
      if (known !== undefined) {
        this.keyByKnownId.set(ref.id, known);
        return known;
      }
    }
    // A finding's admin, newcomer and storyline questions come one after another about the same ref.
    const last = this.lastKeyed;
    if (last !== undefined && last.id === ref.id && last.name === ref.name) return last.key;
    // Else by id, then by name: two look-ups and no string made per question.
    const id = ref.id ?? '';
    const name = ref.name ?? '';
    let byName = this.keyMemo.get(id);
    if (byName === undefined) {
      byName = new Map();
      this.keyMemo.set(id, byName);
    }
    let k: string | undefined;
    if (byName.has(name)) k = byName.get(name);
    else {
      k = this.ids.key(ref);
      byName.set(name, k);
    }
    this.lastKeyed = { id: ref.id, name: ref.name, key: k };
    return k;
  }

  same(a: EntityRef | undefined, b: EntityRef | undefined): boolean {
    const ka = this.key(a);
    return ka !== undefined && ka === this.key(b);
  }

  /** A principal as an entity with its most readable name (UPN when known). */
  refOf(key: string, kind = 'user'): EntityRef {
    const stored = this.names.get(key);
    const name = stored !== undefined ? (undeletedUpn(stored) ?? stored) : undefined;
    return name !== undefined && name.toLowerCase() !== key ? { kind, id: key, name } : { kind, name: name ?? key };
  }

  /** Why a principal counts as an admin (by role, at any time in the data or snapshots), or undefined. */
  adminOf(ref: EntityRef | string | undefined): AdminEvidence | undefined {
    const k = typeof ref === 'string' ? ref : this.key(ref);
    return k === undefined ? undefined : this.admins.get(k);
  }

  marksOf(ref: EntityRef | string | undefined, what?: MarkKind): Mark[] {
    const k = typeof ref === 'string' ? ref : this.key(ref);
    const list = k === undefined ? undefined : this.marks.get(k);
    if (list === undefined) return [];
    if (what === undefined) return list;
    if (!this.frozen) return list.filter((m) => m.what === what);
    // A copy, as before: callers may keep or change what they get.
    return this.marksOfKind(k!, what).slice();
  }

  /** A principal's marks of one kind, shared, not copied: for the facts' own questions, asked per finding. */
  private marksOfKind(k: string, what: MarkKind): readonly Mark[] {
    // A busy admin has thousands of marks and rules ask for one kind per finding: group them once.
    let byKind = this.marksByKind.get(k);
    if (byKind === undefined) {
      byKind = new Map();
      for (const m of this.marks.get(k) ?? []) {
        const l = byKind.get(m.what);
        if (l === undefined) byKind.set(m.what, [m]);
        else l.push(m);
      }
      this.marksByKind.set(k, byKind);
    }
    return byKind.get(what) ?? NO_MARKS;
  }

  /** `marksOf(ref, what)` without the copy, when frozen. */
  private readMarks(ref: EntityRef | string | undefined, what: MarkKind): readonly Mark[] {
    if (!this.frozen) return this.marksOf(ref, what);
    const k = typeof ref === 'string' ? ref : this.key(ref);
    return k === undefined ? NO_MARKS : this.marksOfKind(k, what);
  }

  /** Every principal (by key) with what happened to it, oldest first. */
  allMarks(): IterableIterator<[string, Mark[]]> {
    return this.marks.entries();
  }

  signInsOf(ref: EntityRef | string | undefined): AccountSignIns | undefined {
    this.needSignInHistory();
    const k = typeof ref === 'string' ? ref : this.key(ref);
    return k === undefined ? undefined : this.signIns.get(k);
  }

  /** Every account (by key) with sign-in history. */
  signInAccounts(): IterableIterator<[string, AccountSignIns]> {
    this.needSignInHistory();
    return this.signIns.entries();
  }

  /** Successful sign-ins per IP, tenant-wide. */
  get tenantIps(): ReadonlyMap<string, SeenStat> {
    this.needSignInHistory();
    return this.tenantIps_;
  }

  /** Successful sign-ins per country, tenant-wide. */
  get tenantCountries(): ReadonlyMap<string, SeenStat> {
    this.needSignInHistory();
    return this.tenantCountries_;
  }

  /** The tenant's first successful sign-in (ms), or Infinity. */
  get tenantFirstSignIn(): number {
    this.needSignInHistory();
    return this.tenantFirstSignIn_;
  }

  /** Sensitive changes made from each IP, oldest first once frozen. */
  get ipActions(): ReadonlyMap<string, IpAction[]> {
    this.needSignInHistory();
    return this.ipActions_;
  }

  /** A rule that reads the history must say so (`readsSignInHistory`), or it would silently see none. */
  private needSignInHistory(): void {
    if (!this.signInHistory) throw new Error('sign-in history not gathered: the rule reading it must declare readsSignInHistory');
  }

  /** Keys of the principals that used an IP (signed in or acted from it). */
  usersOfIp(ip: string): ReadonlySet<string> {
    if (!this.frozen) return new Set();
    // Keyed on demand: only the addresses findings name are asked about, out of thousands.
    let users = this.ipUsers.get(ip);
    if (users === undefined) {
      const f = this.ipFacts.get(ip);
      users = f === undefined ? new Set() : new Set([...f.users].map((alias) => this.ids.keyOfAlias(alias)));
      this.ipUsers.set(ip, users);
    }
    return users;
  }

  /** The latest time the data speaks of: the newest event or snapshot. */
  get refMs(): number {
    return Math.max(this.lastMs, this.snapshotMs ?? -Infinity);
  }

  /** The earliest event time seen, in ms (Infinity before any event). */
  get firstMs(): number {
    return Math.min(this.firstOtherMs, this.firstCanonical === undefined ? Infinity : isoMs(this.firstCanonical));
  }

  /** The latest event time seen, in ms (-Infinity before any event). Asked for by most findings: kept. */
  get lastMs(): number {
    const last = this.lastCanonical;
    if (last !== this.lastMsOf) {
      this.lastMsOf = last;
      this.lastCanonicalMs = last === undefined ? -Infinity : isoMs(last);
    }
    return Math.max(this.lastOtherMs, this.lastCanonicalMs);
  }

  /** When the account was created: a creation record, else the snapshot's creation date. */
  createdAt(ref: EntityRef | string | undefined): { t: number; eventId?: string } | undefined {
    const k = typeof ref === 'string' ? ref : this.key(ref);
    if (k === undefined) return undefined;
    const m = this.readMarks(k, 'created')[0];
    if (m !== undefined) return { t: m.t, eventId: m.eventId };
    const c = this.createdAt_.get(k);
    return c === undefined ? undefined : { t: c };
  }

  /** Created within the recent window before `atMs` (default: the newest data). */
  createdRecently(ref: EntityRef | string | undefined, atMs = this.refMs): { t: number; eventId?: string } | undefined {
    const c = this.createdAt(ref);
    return c !== undefined && c.t <= atMs && c.t >= atMs - this.recentDays * DAY_MS ? c : undefined;
  }

  /** Made a privileged admin by a role record within the recent window before `atMs`. */
  madeAdmin(ref: EntityRef | string | undefined, atMs = this.refMs): Mark | undefined {
    const since = atMs - this.recentDays * DAY_MS;
    return this.readMarks(ref, 'made-admin').find((m) => (m.tier === 'global' || m.tier === 'privileged') && m.t >= since && m.t <= atMs);
  }

  /** A new account, or one newly made a privileged admin, at `atMs`: everything it does is suspect. */
  isNewcomer(ref: EntityRef | string | undefined, atMs = this.refMs): boolean {
    return this.createdRecently(ref, atMs) !== undefined || this.madeAdmin(ref, atMs) !== undefined;
  }

  /** A newcomer that holds an admin role. */
  isNewAdmin(ref: EntityRef | string | undefined, atMs = this.refMs): boolean {
    return this.adminOf(ref) !== undefined && this.isNewcomer(ref, atMs);
  }

  /** Domains the tenant owns, best source first; empty when nothing says. */
  knownDomains(): ReadonlySet<string> {
    return this.snapshotDomains.size > 0 ? this.snapshotDomains : this.seenDomains;
  }
}

const SOURCE_RANK: Readonly<Record<AdminEvidence['source'], number>> = { inferred: 0, event: 1, snapshot: 2 };

function mergeAdmin(into: AdminEvidence, e: AdminEvidence): void {
  const tier = higherTier(into.tier, e.tier)!;
  if (tier !== into.tier) {
    into.tier = tier;
    into.roles = [...e.roles, ...into.roles.filter((r) => !e.roles.includes(r))];
  } else {
    for (const r of e.roles) if (!into.roles.includes(r)) into.roles.push(r);
  }
  if (SOURCE_RANK[e.source] > SOURCE_RANK[into.source]) {
    into.source = e.source;
    if (e.eventId !== undefined) into.eventId = e.eventId;
  }
  into.eventId ??= e.eventId;
}

function mergeStats(into: Map<string, SeenStat>, from: Map<string, SeenStat>): void {
  for (const [k, s] of from) {
    const have = into.get(k);
    if (have === undefined) into.set(k, { ...s });
    else {
      have.count += s.count;
      if (s.first < have.first) {
        have.first = s.first;
        have.firstTime = s.firstTime;
        have.firstId = s.firstId;
      }
    }
  }
}

function mergeSignIns(into: AccountSignIns, from: AccountSignIns): void {
  if (from.first < into.first) {
    into.first = from.first;
    into.firstTime = from.firstTime;
  }
  mergeStats(into.ips, from.ips);
  mergeStats(into.countries, from.countries);
  for (const [ip, times] of from.failures) {
    const have = into.failures.get(ip);
    if (have === undefined) into.failures.set(ip, [...times]);
    else appendAll(have, times);
  }
}
