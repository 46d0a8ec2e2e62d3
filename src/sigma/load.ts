// Loading Sigma files: YAML documents → compiled rules, correlations and filters, with a precise reason
// for every document that cannot be used, and schema findings for `takeback sigma check`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseAllDocuments } from 'yaml';
import { parseCorrelation, type CorrelationSpec } from './compile/correlation.ts';
import { compileDetection, toPredicate, type Expr } from './compile/detection.ts';
import { RuleError, type CompileEnv } from './compile/item.ts';
import { RegexRejected } from './regex/index.ts';
import { ruleMeta } from './compile/meta.ts';
import { loadFieldMaps, logsourceCovers, type FieldMaps, type LogsourceKey } from './fields/maps.ts';
import { schemaErrors, type DocKind } from './schema.ts';
import { t } from '../core/i18n.ts';
import type { CompiledCorrelation, CompiledFilter, CompiledRule, LoadedRules, LoadNoteCode, LoadOptions, RuleMeta } from './types.ts';

/** takeback's own Sigma rules (the takeover sequences), shipped with the program. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What `sigma check` says about one YAML document. */
export interface CheckEntry {
  file: string;
  line: number;
  kind: DocKind | 'unknown';
  id?: string;
  title?: string;
  loads: boolean;
  /** Why it does not load, or (when `active` is false) why it never runs: in the language takeback runs in. */
  reason?: string;
  /** When it does not load: the reason's sentence (`sigma.error.<code>` in `locales/`) and its values. */
  reasonCode?: string;
  reasonParams?: Record<string, string | number>;
  schemaErrors: string[];
  /** What was not used as written (an ignored key, a filter that could not apply), in the same language. */
  warnings: string[];
  /** False when the rule loads but no log shape takeback stores can reach it. */
  active?: boolean;
}

export interface CheckReport {
  entries: CheckEntry[];
  loaded: LoadedRules;
}

export interface SourceText {
  file: string;
  text: string;
}

/** Every .yml/.yaml file under the given files or directories, sorted. */
export function ruleFiles(paths: string | readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        visit(join(p, name));
      }
    } else if (/\.ya?ml$/i.test(p)) {
      out.push(p);
    }
  };
  for (const p of typeof paths === 'string' ? [paths] : paths) visit(resolve(p));
  return out;
}

interface Pending {
  entry: CheckEntry;
  doc: Obj;
  meta: RuleMeta;
}

class Loader {
  readonly entries: CheckEntry[] = [];
  readonly loaded: LoadedRules = { rules: [], correlations: [], filters: [], rejected: [], inactive: [], warnings: [], fieldNames: [] };
  private readonly slots = new Map<string, number>();
  private readonly env: CompileEnv;
  private readonly correlationDocs: Array<Pending & { spec: CorrelationSpec }> = [];
  private readonly filterDocs: Array<Pending & { logsource: LogsourceKey; refs: string[]; expr: Expr }> = [];
  /** id or name → the entry that defined it, for references and for reasons. */
  private readonly byRef = new Map<string, { entry: CheckEntry; item?: CompiledRule | CompiledCorrelation }>();

  constructor(
    private readonly maps: FieldMaps,
    options: LoadOptions,
  ) {
    this.env = {
      placeholders: options.placeholders ?? {},
      slot: (field) => {
        const key = field.toLowerCase();
        let n = this.slots.get(key);
        if (n === undefined) {
          n = this.loaded.fieldNames.length;
          this.loaded.fieldNames.push(field);
          this.slots.set(key, n);
        }
        return n;
      },
    };
  }

  private reject(entry: CheckEntry, why: RuleError | RegexRejected): void {
    entry.loads = false;
    entry.reason = why.message;
    entry.reasonCode = why.code;
    entry.reasonParams = why.params;
    const r: LoadedRules['rejected'][number] = { file: entry.file, line: entry.line, reason: why.message, reasonCode: why.code, reasonParams: why.params };
    if (entry.id !== undefined) r.id = entry.id;
    if (entry.title !== undefined) r.title = entry.title;
    this.loaded.rejected.push(r);
  }

  private register(entry: CheckEntry, meta: RuleMeta): boolean {
    for (const ref of [meta.id, meta.name]) {
      if (ref === undefined) continue;
      const prev = this.byRef.get(ref);
      if (prev !== undefined) {
        this.reject(entry, new RuleError('ref_taken', { ref, where: `${prev.entry.file}:${prev.entry.line}` }));
        return false;
      }
    }
    for (const ref of [meta.id, meta.name]) if (ref !== undefined) this.byRef.set(ref, { entry });
    return true;
  }

  addText(file: string, text: string): void {
    const lc = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [];
    for (const d of list) {
      const line = lc.linePos(d.contents?.range[0] ?? d.range[0]).line;
      const entry: CheckEntry = { file, line, kind: 'unknown', loads: true, schemaErrors: [], warnings: [] };
      if (d.errors.length > 0) {
        const e = d.errors[0]!;
        const at = e.linePos?.[0];
        this.entries.push(entry);
        this.reject(entry, at ? new RuleError('yaml_at', { line: at.line, col: at.col, detail: e.message.split('\n')[0]! }) : new RuleError('yaml', { detail: e.message.split('\n')[0]! }));
        continue;
      }
      let doc: unknown;
      try {
        doc = d.toJS({ maxAliasCount: 100 });
      } catch (e) {
        this.entries.push(entry);
        this.reject(entry, new RuleError('yaml', { detail: (e as Error).message }));
        continue;
      }
      if (doc === null || doc === undefined) continue; // an empty document (a trailing ---)
      this.entries.push(entry);
      this.addDoc(entry, doc);
    }
  }

  private addDoc(entry: CheckEntry, doc: unknown): void {
    if (!isObj(doc)) {
      this.reject(entry, new RuleError('not_a_map'));
      return;
    }
    if (typeof doc.title === 'string') entry.title = doc.title;
    if (typeof doc.id === 'string') entry.id = doc.id;
    if ('action' in doc) {
      this.reject(entry, new RuleError('collection', { action: String(doc.action) }));
      return;
    }
    const kind: DocKind | undefined = 'correlation' in doc ? 'correlation' : 'filter' in doc ? 'filter' : 'detection' in doc ? 'rule' : undefined;
    if (kind === undefined) {
      this.reject(entry, new RuleError('not_sigma'));
      return;
    }
    entry.kind = kind;
    entry.schemaErrors = schemaErrors(kind, doc);
    const meta = ruleMeta(doc, entry.file, entry.line);
    // Rules and correlations are registered first, so a reference to one that fails says why.
    if (kind !== 'filter' && !this.register(entry, meta)) return;
    try {
      if (kind === 'rule') this.addRule(entry, doc, meta);
      else if (kind === 'correlation') {
        this.correlationDocs.push({ entry, doc, meta, spec: parseCorrelation(doc.correlation, doc.generate) });
      } else this.addFilter(entry, doc, meta);
    } catch (e) {
      if (!(e instanceof RuleError) && !(e instanceof RegexRejected)) throw e;
      this.reject(entry, e);
    }
  }

  private addRule(entry: CheckEntry, doc: Obj, meta: RuleMeta): void {
    if (!isObj(doc.logsource)) throw new RuleError('no_logsource');
    const logsource = logsourceOf(doc.logsource);
    const timeframe = isObj(doc.detection) && 'timeframe' in doc.detection;
    const expr = compileDetection(doc.detection, this.env);
    if (timeframe) this.warn(entry, 'timeframe', {});
    const rule: CompiledRule = { ...meta, kind: 'rule', logsource, expr, pred: toPredicate(expr), standalone: true, filters: [] };
    this.loaded.rules.push(rule);
    for (const ref of [meta.id, meta.name]) if (ref !== undefined) this.byRef.get(ref)!.item = rule;
    const taxonomy = typeof doc.taxonomy === 'string' ? doc.taxonomy : 'sigma';
    const active = taxonomy === 'sigma' && this.maps.views.some((v) => v.logsources.some((l) => logsourceCovers(l, logsource)));
    entry.active = active;
    if (!active) {
      const ls = Object.entries(logsource)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      // The rule's state says why it never runs (`sigma check` prints it): no warning repeats it.
      const reason = taxonomy !== 'sigma' ? t('sigma.inactiveWhy.taxonomy', { taxonomy }) : t('sigma.inactiveWhy.logsource', { logsource: ls || '(empty)' });
      entry.reason = reason;
      this.loaded.inactive.push({ file: meta.file, ...(meta.id !== undefined ? { id: meta.id } : {}), title: meta.title, logsource, reason });
    }
  }

  private addFilter(entry: CheckEntry, doc: Obj, meta: RuleMeta): void {
    if (!isObj(doc.filter)) throw new RuleError('filter_map');
    if (!isObj(doc.logsource)) throw new RuleError('no_logsource');
    const refs = doc.filter.rules;
    if (!Array.isArray(refs) || refs.length === 0 || !refs.every((r) => typeof r === 'string')) throw new RuleError('filter_rules');
    const expr = compileDetection(doc.filter, this.env, new Set(['condition', 'rules']));
    this.filterDocs.push({ entry, doc, meta, logsource: logsourceOf(doc.logsource), refs, expr });
  }

  /** Resolves correlation references (recursively, refusing cycles) and applies filters. */
  finish(): LoadedRules {
    const state = new Map<Pending, 'busy' | 'done' | 'failed'>();
    const resolveOne = (p: Pending & { spec: CorrelationSpec }): CompiledCorrelation | undefined => {
      const s = state.get(p);
      if (s === 'done') return this.byRef.get(p.meta.id ?? p.meta.name ?? '')?.item as CompiledCorrelation | undefined;
      if (s === 'failed') return undefined;
      if (s === 'busy') throw new RuleError('correlation_cycle');
      state.set(p, 'busy');
      try {
        const rules: Array<CompiledRule | CompiledCorrelation> = [];
        for (const ref of p.spec.refs) {
          const target = this.byRef.get(ref);
          if (target === undefined) throw new RuleError('ref_unknown', { ref });
          if (!target.entry.loads) throw new RuleError('ref_refused', { ref, reason: target.entry.reason ?? '' });
          let item = target.item;
          if (item === undefined) {
            const dep = this.correlationDocs.find((c) => c.entry === target.entry);
            item = dep === undefined ? undefined : resolveOne(dep);
            if (item === undefined) throw new RuleError('ref_refused', { ref, reason: target.entry.reason ?? '' });
          }
          rules.push(item);
        }
        for (const [alias, per] of p.spec.aliases) {
          for (const name of per.keys()) if (!rules.some((r) => r.id === name || r.name === name)) throw new RuleError('alias_not_loaded', { alias, rule: name });
        }
        // A correlation's matches carry only its own group-by values: grouping them by another field
        // would never match, silently.
        for (const [i, item] of rules.entries()) {
          if (item.kind !== 'correlation') continue;
          const own = new Set(item.groupBy.map((g) => g.toLowerCase()));
          for (const g of p.spec.groupBy) {
            const per = p.spec.aliases.get(g);
            const field = (item.name !== undefined ? per?.get(item.name) : undefined) ?? (item.id !== undefined ? per?.get(item.id) : undefined) ?? g;
            if (!own.has(field.toLowerCase())) throw new RuleError('correlation_group_missing', { field, ref: p.spec.refs[i]! });
          }
        }
        const c: CompiledCorrelation = {
          ...p.meta,
          kind: 'correlation',
          type: p.spec.type,
          rules,
          groupBy: p.spec.groupBy,
          timespanMs: p.spec.timespanMs,
          condition: p.spec.condition ?? { gte: p.spec.refs.length },
          field: p.spec.field,
          aliases: p.spec.aliases,
          standalone: true,
          generate: p.spec.generate,
        };
        for (const ref of [p.meta.id, p.meta.name]) if (ref !== undefined) this.byRef.get(ref)!.item = c;
        this.loaded.correlations.push(c);
        state.set(p, 'done');
        return c;
      } catch (e) {
        state.set(p, 'failed');
        if (!(e instanceof RuleError) && !(e instanceof RegexRejected)) throw e;
        if (p.entry.loads) this.reject(p.entry, e);
        return undefined;
      }
    };
    for (const p of this.correlationDocs) resolveOne(p);
    // Rules a correlation uses only feed it, unless it says `generate: true`.
    for (const c of this.loaded.correlations) {
      if (c.generate) continue;
      for (const r of c.rules) r.standalone = false;
    }
    for (const f of this.filterDocs) this.applyFilter(f);
    return this.loaded;
  }

  private applyFilter(f: Pending & { logsource: LogsourceKey; refs: string[]; expr: Expr }): void {
    const filter: CompiledFilter = { title: f.meta.title, file: f.meta.file, line: f.meta.line, logsource: f.logsource, rules: f.refs, expr: f.expr };
    if (f.meta.id !== undefined) filter.id = f.meta.id;
    this.loaded.filters.push(filter);
    for (const ref of f.refs) {
      const item = this.byRef.get(ref)?.item;
      if (item === undefined || item.kind !== 'rule') {
        this.warn(f.entry, 'filter_ref_missing', { ref });
        continue;
      }
      const clash = (['product', 'service', 'category'] as const).find((k) => f.logsource[k] !== undefined && item.logsource[k] !== undefined && f.logsource[k] !== item.logsource[k]);
      if (clash !== undefined) {
        this.warn(f.entry, 'filter_logsource_differs', { ref, field: clash });
        continue;
      }
      item.expr = { t: 'and', xs: [item.expr, { t: 'not', x: f.expr }] };
      item.pred = toPredicate(item.expr);
      item.filters.push(f.meta.title);
    }
  }

  private warn(entry: CheckEntry, code: LoadNoteCode, params: Record<string, string>): void {
    const message = t(`sigma.note.${code}`, params);
    entry.warnings.push(message);
    const w: LoadedRules['warnings'][number] = { file: entry.file, line: entry.line, code, params, message };
    if (entry.id !== undefined) w.id = entry.id;
    if (entry.title !== undefined) w.title = entry.title;
    this.loaded.warnings.push(w);
  }
}

function logsourceOf(o: Obj): LogsourceKey {
  const k: LogsourceKey = {};
  for (const f of ['product', 'service', 'category'] as const) {
    const v = o[f];
    if (typeof v === 'string') k[f] = v.toLowerCase();
  }
  return k;
}

let defaultMaps: FieldMaps | undefined;

function mapsFor(options: LoadOptions): FieldMaps {
  if (options.fieldMapDir !== undefined) return loadFieldMaps(options.fieldMapDir);
  defaultMaps ??= loadFieldMaps();
  return defaultMaps;
}

/** Loads and checks YAML texts; the core of loadRules and checkRules. */
export function checkTexts(sources: readonly SourceText[], options: LoadOptions = {}): CheckReport {
  const loader = new Loader(mapsFor(options), options);
  for (const s of sources) loader.addText(s.file, s.text);
  const loaded = loader.finish();
  return { entries: loader.entries, loaded };
}

function readSources(paths: string | readonly string[]): SourceText[] {
  return ruleFiles(paths).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** Loads every Sigma file under the given directories or files. */
export function loadRules(paths: string | readonly string[], options: LoadOptions = {}): LoadedRules {
  return checkTexts(readSources(paths), options).loaded;
}

/** Per document: does it load, and if not why; what the JSON schemas say; warnings. */
export function checkRules(paths: string | readonly string[], options: LoadOptions = {}): CheckReport {
  return checkTexts(readSources(paths), options);
}

export function fieldMapsFor(options: LoadOptions = {}): FieldMaps {
  return mapsFor(options);
}
