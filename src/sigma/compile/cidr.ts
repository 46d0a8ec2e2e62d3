// The `cidr` modifier: IPv4 and IPv6 networks, compared as big integers.
import { t } from '../../core/i18n.ts';

export interface Network {
  v6: boolean;
  base: bigint;
  mask: bigint;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const b = Number(p);
    if (b > 255) return undefined;
    n = (n << 8n) | BigInt(b);
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  let tail: bigint | undefined;
  let tailGroups = 0;
  // An embedded IPv4 address in the last 32 bits (::ffff:1.2.3.4).
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    tail = parseV4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    s = s.slice(0, lastColon + 1) + '0:0';
    tailGroups = 2;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0]!.split(':');
  const rest = halves.length === 2 ? (halves[1] === '' ? [] : halves[1]!.split(':')) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== undefined && tailGroups === 2) n = (n & ~0xffffffffn) | tail;
  return n;
}

export function parseIp(s: string): { v6: boolean; n: bigint } | undefined {
  const t = s.trim();
  const v4 = parseV4(t);
  if (v4 !== undefined) return { v6: false, n: v4 };
  const bare = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
  const v6 = bare.includes(':') ? parseV6(bare) : undefined;
  return v6 === undefined ? undefined : { v6: true, n: v6 };
}

export function parseCidr(s: string): Network {
  const slash = s.indexOf('/');
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (ip === undefined) throw new Error(t('sigma.error.cidr_network', { value: s }));
  const bits = ip.v6 ? 128 : 32;
  const len = slash < 0 ? bits : Number(s.slice(slash + 1));
  if (!Number.isInteger(len) || len < 0 || len > bits || (slash >= 0 && !/^\d+$/.test(s.slice(slash + 1)))) throw new Error(t('sigma.error.cidr_prefix', { value: s }));
  const all = (1n << BigInt(bits)) - 1n;
  const mask = len === 0 ? 0n : (all << BigInt(bits - len)) & all;
  return { v6: ip.v6, base: ip.n & mask, mask };
}

export function inNetwork(net: Network, value: string): boolean {
  const ip = parseIp(value);
  if (ip === undefined) return false;
  if (ip.v6 !== net.v6) {
    // An IPv4-mapped IPv6 address belongs to the IPv4 network.
    if (!net.v6 && ip.v6 && ip.n >> 32n === 0xffffn) return (ip.n & 0xffffffffn & net.mask) === net.base;
    return false;
  }
  return (ip.n & net.mask) === net.base;
}
