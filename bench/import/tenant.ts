// A synthetic Microsoft 365 tenant for generated audit logs: users with their devices, habits and
// addresses, groups, apps and admins. Everything is drawn from the seed, so it is the same every run.
import { Rng } from './prng.ts';

export interface User {
  upn: string;
  displayName: string;
  /** Entra object id. */
  oid: string;
  /** Passport-style unique id, as in UAL `UserKey` of directory events. */
  puid: string;
  /** Addresses the user signs in from: office egress first, then home and mobile. */
  ips: string[];
  userAgent: string;
  os: string;
  browser: string;
  /** Entra-joined laptop, if any (shown in sign-ins). */
  device?: { id: string; name: string };
  /** Registered phone: every user has one. */
  phone: { id: string; name: string };
  session: string;
}

export interface ServicePrincipal {
  name: string;
  appId: string;
  oid: string;
}

export interface Tenant {
  id: string;
  name: string;
  domain: string;
  initialDomain: string;
  users: User[];
  admins: User[];
  groups: Array<{ id: string; name: string }>;
  /** First-party system actors that write directory events (licensing, token revocation). */
  systemActors: ServicePrincipal[];
  /** Third-party and line-of-business apps (consent, credentials). */
  apps: ServicePrincipal[];
  /** Addresses no user owns: password sprays, travel, VPNs. */
  strangerIps: string[];
}

const FIRST = [
  'james', 'mary', 'robert', 'patricia', 'john', 'jennifer', 'michael', 'linda', 'david', 'elizabeth', 'william', 'barbara',
  'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'chris', 'karen', 'daniel', 'lisa', 'matthew', 'nancy',
  'anthony', 'betty', 'mark', 'sandra', 'paul', 'ashley', 'steven', 'emily', 'andrew', 'donna', 'kenji', 'yuki', 'hiroshi',
  'akiko', 'takeshi', 'naomi', 'satoshi', 'haruka', 'wei', 'mei', 'raj', 'priya', 'olga', 'ivan', 'fatima', 'omar',
];
const LAST = [
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'hernandez',
  'lopez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee', 'thompson', 'white', 'harris',
  'clark', 'lewis', 'walker', 'hall', 'young', 'king', 'wright', 'sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito',
  'yamamoto', 'nakamura', 'kobayashi', 'kato', 'chen', 'wang', 'patel', 'singh', 'ivanova', 'khan', 'nguyen', 'kim',
];
const CLIENTS: ReadonlyArray<readonly [userAgent: string, os: string, browser: string]> = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Windows10', 'Edge'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Windows10', 'Chrome'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'MacOs', 'Safari'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'MacOs', 'Chrome'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', 'Ios', 'Mobile Safari'],
  ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Android', 'Chrome Mobile'],
  ['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)', 'Windows10', 'Rich Client'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Windows10', 'Firefox'],
];
const SYSTEM_ACTORS: ReadonlyArray<readonly [string, string]> = [
  ['Microsoft Substrate Management', '98db8bd6-0cc0-4e67-9de5-f187f1cd1b41'],
  ['Microsoft Online Services', '00000006-0000-0ff1-ce00-000000000000'],
  ['Azure AD Identity Governance Insights', '58c746b0-a0b0-4647-a8f6-12dde5981638'],
  ['Microsoft Office 365 Portal', '00000006-0000-0ff1-ce00-000000000000'],
];
const APPS = ['Zoom', 'Slack', 'Salesforce', 'DocuSign', 'Adobe Acrobat', 'Box', 'Miro', 'Atlassian Cloud', 'Payroll Sync', 'HR Connector'];
const GROUPS = ['All Staff', 'Sales', 'Engineering', 'Finance', 'HR', 'Marketing', 'Legal', 'IT Support', 'Tokyo Office', 'Osaka Office', 'VPN Users', 'Contractors'];

function ipv4(rng: Rng, prefixes: readonly string[]): string {
  const p = rng.pick(prefixes);
  const parts = p.split('.').length;
  let s = p;
  for (let i = parts; i < 4; i++) s += `.${1 + rng.int(254)}`;
  return s;
}

export function makeTenant(seed: number, userCount = 3000): Tenant {
  const rng = new Rng(seed ^ 0x5eed);
  const domain = 'northwind-kk.co.jp';
  const initialDomain = 'northwindkk.onmicrosoft.com';
  // Office egress: a handful of fixed addresses; homes and mobiles: wide ISP ranges.
  const office = Array.from({ length: 6 }, () => ipv4(rng, ['203.0.113', '198.51.100']));
  const homePrefixes = ['126', '153', '180', '219', '114', '60', '122', '27.80', '49.96', '110.233', '121.112', '133.106'];
  const mobilePrefixes = ['1.72', '1.75', '106.128', '106.133', '49.104', '182.250'];
  const usedNames = new Map<string, number>();
  const users: User[] = [];
  for (let i = 0; i < userCount; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const base = `${first}.${last}`;
    const n = (usedNames.get(base) ?? 0) + 1;
    usedNames.set(base, n);
    const local = n === 1 ? base : `${base}${n}`;
    const [userAgent, os, browser] = rng.pick(CLIENTS);
    const ips = [rng.pick(office), ipv4(rng, homePrefixes)];
    if (rng.chance(0.6)) ips.push(ipv4(rng, mobilePrefixes));
    if (rng.chance(0.05)) ips.push(`2400:4050:${rng.hexUpper(4).toLowerCase()}:${rng.hexUpper(4).toLowerCase()}::${rng.int(0xffff).toString(16)}`);
    const user: User = {
      upn: `${local}@${domain}`,
      displayName: `${cap(first)} ${cap(last)}`,
      oid: rng.guid(),
      puid: `1003${rng.hexUpper(12)}`,
      ips,
      userAgent,
      os,
      browser,
      session: rng.guid(),
      phone: { id: rng.guid(), name: `${cap(first)}'s ${rng.chance(0.6) ? 'iPhone' : 'Android'}` },
    };
    if (os === 'Windows10' && rng.chance(0.7)) user.device = { id: rng.guid(), name: `NW-${rng.hexUpper(7)}` };
    users.push(user);
  }
  const admins = users.slice(0, Math.max(3, Math.min(12, Math.floor(userCount / 250))));
  const strangerIps = Array.from({ length: 400 }, () => ipv4(rng, ['45', '91', '185', '193', '20', '34', '104', '172']));
  return {
    id: rng.guid(),
    name: 'Northwind KK',
    domain,
    initialDomain,
    users,
    admins,
    groups: GROUPS.map((name) => ({ id: rng.guid(), name })),
    systemActors: SYSTEM_ACTORS.map(([name, appId]) => ({ name, appId, oid: rng.guid() })),
    apps: APPS.map((name) => ({ name, appId: rng.guid(), oid: rng.guid() })),
    strangerIps,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
