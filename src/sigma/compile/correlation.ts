// A correlation document's `correlation` section, checked and normalised. References to rules are
// resolved later, once every document of the load is known.
import type { CorrelationType, CountCondition } from '../types.ts';
import { RuleError } from './item.ts';

export interface CorrelationSpec {
  type: CorrelationType;
  refs: string[];
  groupBy: string[];
  timespanMs: number;
  condition?: CountCondition;
  field: string[];
  aliases: Map<string, Map<string, string>>;
  generate: boolean;
}

const TYPES: ReadonlySet<string> = new Set(['event_count', 'value_count', 'temporal', 'temporal_ordered', 'value_sum', 'value_avg', 'value_percentile']);
const OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseTimespan(v: unknown): number {
  const m = typeof v === 'string' ? /^(\d+)([smhd])$/.exec(v) : null;
  if (m === null) throw new RuleError('timespan_format', { value: JSON.stringify(v) });
  const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  if (ms <= 0) throw new RuleError('timespan_zero');
  return ms;
}

function stringList(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  throw new RuleError('string_list', { what });
}

export function parseCorrelation(section: unknown, generate: unknown): CorrelationSpec {
  if (!isObj(section)) throw new RuleError('correlation_map');
  const type = section.type;
  if (typeof type !== 'string' || !TYPES.has(type)) throw new RuleError('correlation_type', { type: JSON.stringify(type), types: [...TYPES].join(', ') });
  const refs = stringList(section.rules, 'correlation rules');
  if (refs.length === 0) throw new RuleError('correlation_no_rules');
  if (new Set(refs).size !== refs.length) throw new RuleError('correlation_rule_twice');
  const spec: CorrelationSpec = {
    type: type as CorrelationType,
    refs,
    groupBy: stringList(section['group-by'], 'group-by'),
    timespanMs: parseTimespan(section.timespan),
    field: [],
    aliases: new Map(),
    generate: generate === true,
  };
  if (generate !== undefined && typeof generate !== 'boolean') throw new RuleError('generate_boolean');
  const cond = section.condition;
  if (cond !== undefined) {
    if (!isObj(cond)) throw new RuleError('correlation_condition_map');
    const c: CountCondition = {};
    for (const [k, v] of Object.entries(cond)) {
      if (k === 'field') {
        spec.field = stringList(v, 'condition field');
        continue;
      }
      if (!(OPS as readonly string[]).includes(k)) throw new RuleError('correlation_condition_key', { key: k, ops: OPS.join(', ') });
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RuleError('correlation_condition_number', { key: k });
      c[k as (typeof OPS)[number]] = v;
    }
    if (Object.keys(c).length === 0) throw new RuleError('correlation_condition_empty');
    spec.condition = c;
  }
  const needsCondition = type === 'event_count' || type.startsWith('value_');
  if (needsCondition && spec.condition === undefined) throw new RuleError('correlation_needs_condition', { type });
  if (type.startsWith('value_') && spec.field.length === 0) throw new RuleError('correlation_needs_field', { type });
  if (!type.startsWith('value_') && spec.field.length > 0) throw new RuleError('correlation_field_value_only');
  if (section.aliases !== undefined) {
    if (!isObj(section.aliases)) throw new RuleError('aliases_map');
    for (const [alias, m] of Object.entries(section.aliases)) {
      if (!isObj(m)) throw new RuleError('alias_map', { alias });
      const per = new Map<string, string>();
      for (const [rule, field] of Object.entries(m)) {
        if (typeof field !== 'string') throw new RuleError('alias_field', { alias, rule });
        if (!refs.includes(rule)) throw new RuleError('alias_unreferenced', { alias, rule });
        per.set(rule, field);
      }
      spec.aliases.set(alias, per);
    }
  }
  return spec;
}

export function meetsCondition(c: CountCondition, n: number): boolean {
  if (c.gt !== undefined && !(n > c.gt)) return false;
  if (c.gte !== undefined && !(n >= c.gte)) return false;
  if (c.lt !== undefined && !(n < c.lt)) return false;
  if (c.lte !== undefined && !(n <= c.lte)) return false;
  if (c.eq !== undefined && n !== c.eq) return false;
  if (c.neq !== undefined && n === c.neq) return false;
  return true;
}

/** Conditions that, once true, stay true as more events arrive (only lower bounds). */
export function isUpward(c: CountCondition): boolean {
  return c.lt === undefined && c.lte === undefined && c.eq === undefined && c.neq === undefined;
}
