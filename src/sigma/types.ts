// The Sigma engine's public shapes: what loading produces and what a hunt reports.
import type { Expr } from './compile/detection.ts';
import type { Pred } from './compile/item.ts';
import type { LogsourceKey } from './fields/maps.ts';

export interface RuleMeta {
  /** The rule's `id` (a UUID in SigmaHQ rules). */
  id?: string;
  /** The rule's `name`, which correlations may use instead of the id. */
  name?: string;
  title: string;
  status?: string;
  level?: string;
  description?: string;
  author?: string;
  /** `attack.*` tags (techniques, tactics) and any others, as written. */
  tags: string[];
  references: string[];
  falsepositives: string[];
  /** The SPDX licence id: the rule's own `license`, else the one its directory's LICENSE names. */
  license?: string;
  /** The attribution line to show with every match of the rule (required by the DRL for SigmaHQ rules). */
  attribution: string;
  file: string;
  /** 1-based line where the rule's YAML document starts. */
  line: number;
}

export interface CompiledRule extends RuleMeta {
  kind: 'rule';
  logsource: LogsourceKey;
  expr: Expr;
  pred: Pred;
  /** False when a correlation uses the rule and does not ask for its matches (`generate`). */
  standalone: boolean;
  /** Titles of the filters (mf_ documents) applied to the rule. */
  filters: string[];
}

export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered' | 'value_sum' | 'value_avg' | 'value_percentile';

export interface CountCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  neq?: number;
}

export interface CompiledCorrelation extends RuleMeta {
  kind: 'correlation';
  type: CorrelationType;
  /** The referenced rules and correlations, in the order written (temporal_ordered depends on it). */
  rules: Array<CompiledRule | CompiledCorrelation>;
  groupBy: string[];
  timespanMs: number;
  condition: CountCondition;
  /** value_* types: the field(s) whose values are counted, summed or ranked. */
  field: string[];
  /** alias → (referenced rule's name or id → field in that rule's events) */
  aliases: Map<string, Map<string, string>>;
  /** `generate: true`: the referenced rules also report their own matches. */
  generate: boolean;
  standalone: boolean;
}

export interface CompiledFilter {
  id?: string;
  title: string;
  file: string;
  line: number;
  logsource: LogsourceKey;
  rules: string[];
  expr: Expr;
}

export interface Rejected {
  file: string;
  line?: number;
  id?: string;
  title?: string;
  /** Why, in the language takeback runs in. */
  reason: string;
  /** Its sentence (`sigma.error.<code>` in `locales/`) and the values that fill it. */
  reasonCode: string;
  reasonParams: Record<string, string | number>;
}

/** Why a loaded document was not used as written: `code` names the sentence (`sigma.note.<code>`), `params` fill it. */
export type LoadNoteCode = 'timeframe' | 'filter_ref_missing' | 'filter_logsource_differs';

export interface LoadWarning {
  file: string;
  line?: number;
  id?: string;
  title?: string;
  code: LoadNoteCode;
  params: Record<string, string>;
  /** The sentence in the language takeback runs in. */
  message: string;
}

export interface LoadedRules {
  rules: CompiledRule[];
  correlations: CompiledCorrelation[];
  filters: CompiledFilter[];
  rejected: Rejected[];
  /** Loaded rules that no event takeback stores can reach (their log source has no field map). */
  inactive: Array<{ file: string; id?: string; title: string; logsource: LogsourceKey; reason: string }>;
  warnings: LoadWarning[];
  /** Field names the rules use, by slot number (internal to the hunter). */
  fieldNames: string[];
}

export interface LoadOptions {
  /** Values for `|expand` placeholders, e.g. { Approved_Inviters: ['admin@example.com'] }. */
  placeholders?: Record<string, string[]>;
  /** Field-map directory (tests); the shipped maps by default. */
  fieldMapDir?: string;
}

export interface SigmaMatch {
  kind: 'rule' | 'correlation';
  /** The rule's id, else its name, else its file. */
  ruleId: string;
  title: string;
  level?: string;
  /** `attack.*` tags only. */
  tags: string[];
  author?: string;
  license?: string;
  attribution: string;
  /** The matching event's time, or for a correlation the time of the event that completed it. */
  time: string;
  /** Event ids in time order: one for a rule, those that made up the correlation otherwise. */
  eventIds: string[];
  correlationType?: CorrelationType;
  /** Correlations: the group-by values (lower case), and the same as one key. */
  group?: Record<string, string>;
  groupKey?: string;
  /** Correlations: the count, distinct count, sum, average or percentage that met the condition. */
  value?: number;
  /** The log shape the event was read as, e.g. `entra-audit.la`. */
  shape?: string;
}
