// Validation against the Sigma specification's JSON schemas (v2.1.0, public domain, copied in
// schema/). A schema error is reported by `sigma check`; it does not stop a runnable rule from loading.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { t } from '../core/i18n.ts';

export type DocKind = 'rule' | 'correlation' | 'filter';

const FILES: Record<DocKind, string> = {
  rule: 'sigma-detection-rule-schema.json',
  correlation: 'sigma-correlation-rules-schema.json',
  filter: 'sigma-filters-schema.json',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let validators: Record<DocKind, ValidateFunction> | undefined;

function load(): Record<DocKind, ValidateFunction> {
  // The correlation schema has keywords JSON Schema does not define (it nests `gt: {...}` as a
  // subschema); strict mode would refuse them, the specification's own checker ignores them.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uuid', UUID);
  const compile = (kind: DocKind): ValidateFunction => {
    const schema = JSON.parse(readFileSync(new URL(`./schema/${FILES[kind]}`, import.meta.url), 'utf8')) as Record<string, unknown>;
    delete schema.$schema; // "…/2020-12/schema#" with a fragment is not a known meta-schema id
    return ajv.compile(schema);
  };
  return { rule: compile('rule'), correlation: compile('correlation'), filter: compile('filter') };
}

/** The keywords the specification's schemas use, each with its sentence (`sigma.schema_error.*`) and the values it takes. */
const WORDED: Record<string, (p: Record<string, unknown>) => Record<string, string>> = {
  enum: () => ({}),
  const: () => ({}),
  required: (p) => ({ name: String(p.missingProperty) }),
  type: (p) => ({ type: String(p.type) }),
  pattern: (p) => ({ pattern: String(p.pattern) }),
  format: (p) => ({ format: String(p.format) }),
  maxLength: (p) => ({ limit: String(p.limit) }),
  minLength: (p) => ({ limit: String(p.limit) }),
  minItems: (p) => ({ limit: String(p.limit) }),
  uniqueItems: (p) => ({ i: String(p.i), j: String(p.j) }),
  additionalProperties: (p) => ({ name: String(p.additionalProperty) }),
};

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? t('sigma.schema_error.document') : e.instancePath.slice(1).replaceAll('/', '.');
  const worded = WORDED[e.keyword];
  const detail = worded !== undefined ? t(`sigma.schema_error.${e.keyword}`, worded(e.params as Record<string, unknown>)) : (e.message ?? e.keyword);
  return `${where}: ${detail}`;
}

/** Schema errors for one document, as short readable lines; empty when it conforms. */
export function schemaErrors(kind: DocKind, doc: unknown): string[] {
  validators ??= load();
  const v = validators[kind];
  if (v(doc)) return [];
  const lines = (v.errors ?? [])
    // oneOf/anyOf repeat what their branches said; keep the specific lines.
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if')
    .map(describe);
  return [...new Set(lines)];
}
