// Baselines as data: requirement id → check ids, or "manual" with the reason takeback cannot decide
// it. Loaded and validated like check metadata; the repo-wide test ties both directions together.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

export interface Requirement {
  id: string;
  text: string;
  checks?: string[];
  manual?: string;
  note?: string;
}

export interface Framework {
  framework: string;
  title: string;
  source: string;
  requirements: Requirement[];
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['framework', 'title', 'source', 'requirements'],
  properties: {
    framework: { type: 'string' },
    title: { type: 'string' },
    source: { type: 'string', pattern: '^https://' },
    requirements: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'text'],
        properties: {
          id: { type: 'string', minLength: 1 },
          text: { type: 'string', minLength: 1 },
          checks: { type: 'array', minItems: 1, items: { type: 'string' } },
          manual: { type: 'string', minLength: 1 },
          note: { type: 'string', minLength: 1 },
        },
        // Exactly one of: mapped to checks, or manual with a reason.
        oneOf: [{ required: ['checks'], not: { required: ['manual'] } }, { required: ['manual'], not: { required: ['checks'] } }],
      },
    },
  },
};

const validate: ValidateFunction<Framework> = new Ajv({ allErrors: true }).compile(SCHEMA);

export const FRAMEWORK_FILES = { 'scuba-ms-aad': 'scuba-ms-aad.yaml' } as const;
export type FrameworkId = keyof typeof FRAMEWORK_FILES;

export function loadFramework(id: FrameworkId): Framework {
  const doc: unknown = parse(readFileSync(new URL(`./${FRAMEWORK_FILES[id]}`, import.meta.url), 'utf8'));
  if (!validate(doc)) throw new Error(`${FRAMEWORK_FILES[id]}: ${(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ')}`);
  return doc;
}

/** Requirement ids of a framework that a check answers. */
export function requirementsOf(framework: Framework, checkId: string): string[] {
  return framework.requirements.filter((r) => r.checks?.includes(checkId)).map((r) => r.id);
}
