// Risk acceptance as a version-controllable YAML file: which check, for which tenant and subjects,
// why, and until when. An accepted failure is still shown (as accepted), and an expired acceptance
// stops applying and says so. The file is validated before use: a typo never hides a failure.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
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

/**
 * Parses an acceptance file. `knownChecks` (the registry's ids) turns an unknown id into an error:
 * an acceptance for a misspelt id would otherwise silently accept nothing.
 */
export function parseAcceptances(text: string, file = 'acceptances.yaml', knownChecks?: ReadonlySet<string>): AcceptanceList {
  let doc: unknown;
  try {
    doc = parse(text) ?? { acceptances: [] };
  } catch (cause) {
    throw new AcceptanceError(file, [(cause as Error).message.split('\n')[0] ?? 'not YAML'], cause);
  }
  if (!validate(doc)) {
    throw new AcceptanceError(file, (validate.errors ?? []).map((e) => `${where(e.instancePath)}: ${e.message ?? e.keyword}`));
  }
  const list = doc.acceptances;
  const problems: string[] = [];
  list.forEach((a, i) => {
    if (!realDate(a.expires)) problems.push(`acceptances[${i}].expires: not a date`);
    if (knownChecks && !knownChecks.has(a.check)) problems.push(`acceptances[${i}].check: no check ${a.check}`);
  });
  if (problems.length > 0) throw new AcceptanceError(file, problems);
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
