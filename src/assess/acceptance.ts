// Risk acceptance as a version-controllable YAML file: which check, for which tenant and subjects,
// why, and until when. An accepted failure is still shown (as accepted), and an expired acceptance
// stops applying and says so. The file is validated before use: a typo never hides a failure.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { TakebackError } from '../core/errors.ts';

export interface Acceptance {
  check: string;
  reason: string;
  /** Last day (YYYY-MM-DD, inclusive) or instant (ISO) the acceptance applies. */
  expires: string;
  acceptedBy?: string;
  scope?: {
    /** Tenant ids (or one) the acceptance is limited to; absent for every tenant. */
    tenants?: string[];
    /** Subjects (object ids, UPNs, app ids, domain names) it is limited to; absent for the whole check. */
    subjects?: string[];
  };
}

export interface AcceptanceList {
  /** Where it came from, for messages. */
  file?: string;
  acceptances: Acceptance[];
}

const DATE = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['acceptances'],
  properties: {
    version: { const: 1 },
    acceptances: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['check', 'reason', 'expires'],
        properties: {
          check: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 3 },
          expires: { type: 'string', pattern: DATE },
          acceptedBy: { type: 'string', minLength: 1 },
          scope: {
            type: 'object',
            additionalProperties: false,
            properties: {
              tenants: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              subjects: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            },
          },
        },
      },
    },
  },
} as const;

const validate: ValidateFunction<{ acceptances: Acceptance[] }> = new Ajv({ allErrors: true }).compile(SCHEMA);

/** Thrown for a file that cannot be used; `problems` are short lines naming the entry and field. */
export class AcceptanceError extends TakebackError {
  constructor(
    readonly file: string,
    readonly problems: string[],
    cause?: unknown,
  ) {
    super('assess.acceptance_invalid', { file, problems: problems.join('; ') }, { exitCode: 2, cause });
  }
}

function where(path: string): string {
  const m = /^\/acceptances\/(\d+)(?:\/(.*))?$/.exec(path);
  if (!m) return path || '(file)';
  return `acceptances[${m[1]}]${m[2] ? `.${m[2].replaceAll('/', '.')}` : ''}`;
}

/** "line N: " of the deepest part of `path` (a JSON pointer) the file has, so the owner can find it. */
function lineOf(doc: Document, lines: LineCounter, path: string): string {
  const keys: (string | number)[] = path.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return `line ${lines.linePos(range[0]).line}: `;
  }
  return '';
}

/**
 * Parses an acceptance file. `knownChecks` (the registry's ids) turns an unknown id into an error:
 * an acceptance for a misspelt id would otherwise silently accept nothing.
 */
export function parseAcceptances(text: string, file = 'acceptances.yaml', knownChecks?: ReadonlySet<string>): AcceptanceList {
  const lines = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: lines });
  const broken = yaml.errors[0];
  if (broken) throw new AcceptanceError(file, [broken.message.split('\n')[0]?.replace(/:$/, '') ?? 'not YAML'], broken);
  const doc: unknown = yaml.toJS() ?? { acceptances: [] };
  const at = (path: string): string => `${lineOf(yaml, lines, path)}${where(path)}`;
  const problems: string[] = [];
  if (!validate(doc)) {
    for (const e of validate.errors ?? []) {
      const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
      problems.push(`${at(e.instancePath)}: ${e.message ?? e.keyword}${extra}`);
    }
  }
  const entries: unknown[] = typeof doc === 'object' && doc !== null && Array.isArray((doc as { acceptances?: unknown }).acceptances) ? (doc as { acceptances: unknown[] }).acceptances : [];
  entries.forEach((entry, i) => {
    const a = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<Record<'check' | 'expires', unknown>>;
    if (typeof a.expires === 'string' && new RegExp(DATE).test(a.expires) && !realDate(a.expires)) problems.push(`${at(`/acceptances/${i}/expires`)}: not a date`);
    if (knownChecks && typeof a.check === 'string' && a.check !== '' && !knownChecks.has(a.check)) problems.push(`${at(`/acceptances/${i}/check`)}: no check ${a.check}`);
  });
  if (problems.length > 0 || !validate(doc)) throw new AcceptanceError(file, problems);
  const list = doc.acceptances;
  return { file, acceptances: list };
}

export function loadAcceptances(path: string, knownChecks?: ReadonlySet<string>): AcceptanceList {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AcceptanceError(path, [(cause as Error).message], cause);
  }
  return parseAcceptances(text, path, knownChecks);
}

/** True for a date that exists (Date.parse rolls 2027-02-30 over to March; this does not). */
function realDate(text: string): boolean {
  const [y = NaN, m = NaN, d = NaN] = text.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return !Number.isNaN(expiryMs(text)) && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A date alone means "through the end of that day" (UTC). */
export function expiryMs(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : Date.parse(expires);
}

export function isExpired(a: Acceptance, nowIso: string): boolean {
  return expiryMs(a.expires) < Date.parse(nowIso);
}

/** Acceptances for this check and tenant (expired ones included: the caller reports them). */
export function acceptancesFor(list: AcceptanceList | undefined, check: string, tenant: string): Acceptance[] {
  const t = tenant.toLowerCase();
  return (list?.acceptances ?? []).filter((a) => a.check === check && (a.scope?.tenants === undefined || a.scope.tenants.some((x) => x.toLowerCase() === t)));
}

/** True when a subject-scoped acceptance names this subject (by id or name, any case). */
export function coversSubject(a: Acceptance, subject: { id: string; name?: string } | undefined): boolean {
  if (a.scope?.subjects === undefined) return true;
  if (subject === undefined) return false;
  const names = new Set(a.scope.subjects.map((s) => s.toLowerCase()));
  return names.has(subject.id.toLowerCase()) || (subject.name !== undefined && names.has(subject.name.toLowerCase()));
}
