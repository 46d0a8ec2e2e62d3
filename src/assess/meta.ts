// meta.yaml of a check folder: read, validated against a schema, typed. A malformed file fails loudly
// at start-up (and in the repo-wide test), never silently at report time.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { CheckMeta } from './types.ts';

export const CHECK_ID = /^TB-AAD-\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = {
  type: 'object',
  required: ['en', 'ja'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1 }, ja: { type: 'string', minLength: 1 } },
};
const textList = {
  type: 'object',
  required: ['en', 'ja'],
  additionalProperties: false,
  properties: {
    en: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    ja: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  },
};

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'provider', 'severity', 'licence', 'sources', 'inputs', 'baselines', 'references', 'title', 'rationale', 'portal', 'remediation', 'messages'],
  properties: {
    id: { type: 'string', pattern: CHECK_ID.source },
    provider: { enum: ['m365', 'gws'] },
    severity: { enum: ['critical', 'high', 'medium', 'low'] },
    licence: { enum: ['none', 'P1', 'P2'] },
    sources: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+(\\|[A-Za-z]+)*$' } },
    inputs: { type: 'array', items: { type: 'string', minLength: 1 } },
    baselines: {
      type: 'object',
      additionalProperties: false,
      required: ['scuba'],
      properties: { scuba: { type: 'array', items: { type: 'string', pattern: '^MS\\.AAD\\.\\d+\\.\\d+v\\d+$' } } },
    },
    references: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^https://' } },
    title: text,
    rationale: text,
    portal: text,
    remediation: textList,
    messages: { type: 'object', minProperties: 1, additionalProperties: text },
  },
} as const;

const validate: ValidateFunction<CheckMeta> = new Ajv({ allErrors: true }).compile(SCHEMA);

export class MetaError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'MetaError';
  }
}

/** Parses and validates one meta.yaml; `expectedId` is the folder name (one id everywhere). */
export function parseMeta(source: string, file: string, expectedId?: string): CheckMeta {
  const doc: unknown = parse(source);
  if (!validate(doc)) {
    throw new MetaError(file, (validate.errors ?? []).map((e) => `${e.instancePath || '(document)'} ${e.message ?? e.keyword}`));
  }
  const meta = doc;
  if (expectedId !== undefined && meta.id !== expectedId) throw new MetaError(file, [`id ${meta.id} differs from its folder ${expectedId}`]);
  return meta;
}

export function loadMeta(url: URL, expectedId?: string): CheckMeta {
  return parseMeta(readFileSync(url, 'utf8'), url.pathname, expectedId);
}
