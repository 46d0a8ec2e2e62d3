// Rule metadata and licence attribution. SigmaHQ rules are under the Detection Rule License 1.1, which
// asks that the author and the licence go with the rule and with what it produces, so every match
// carries an attribution line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleMeta } from '../types.ts';

type Obj = Record<string, unknown>;

const DRL_URL = 'https://github.com/SigmaHQ/Detection-Rule-License';
const licenceCache = new Map<string, string | undefined>();

/** The licence a LICENSE file in the rule's folder or a parent folder names, as an SPDX-style id. */
export function directoryLicence(file: string): string | undefined {
  let dir = dirname(file);
  const visited: string[] = [];
  let found: string | undefined;
  for (;;) {
    if (licenceCache.has(dir)) {
      found = licenceCache.get(dir);
      break;
    }
    visited.push(dir);
    const f = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((n) => join(dir, n)).find((p) => existsSync(p));
    if (f !== undefined) {
      const text = readFileSync(f, 'utf8');
      const drl = /Detection Rule License \(DRL\)\s*([\d.]+)/.exec(text);
      found = drl ? `DRL-${drl[1]!}` : undefined;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of visited) licenceCache.set(d, found);
  return found;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function attributionLine(title: string, author: string | undefined, license: string | undefined): string {
  const by = author !== undefined ? ` by ${author}` : '';
  if (license !== undefined && license.startsWith('DRL-')) {
    return `Sigma rule "${title}"${by}, Detection Rule License (DRL) ${license.slice(4)} (${DRL_URL})`;
  }
  return `Sigma rule "${title}"${by}${license !== undefined ? `, licence ${license}` : ''}`;
}

export function ruleMeta(doc: Obj, file: string, line: number): RuleMeta {
  const title = str(doc.title) ?? '(untitled)';
  const author = str(doc.author);
  const license = str(doc.license) ?? directoryLicence(file);
  const meta: RuleMeta = {
    title,
    tags: strings(doc.tags),
    references: strings(doc.references),
    falsepositives: strings(doc.falsepositives),
    attribution: attributionLine(title, author, license),
    file,
    line,
  };
  const id = str(doc.id);
  if (id !== undefined) meta.id = id;
  const name = str(doc.name);
  if (name !== undefined) meta.name = name;
  for (const k of ['status', 'level', 'description'] as const) {
    const v = str(doc[k]);
    if (v !== undefined) meta[k] = v;
  }
  if (author !== undefined) meta.author = author;
  if (license !== undefined) meta.license = license;
  return meta;
}
