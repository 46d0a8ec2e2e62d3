// The Sigma benchmark: every loadable SigmaHQ rule and takeback's own correlations over 1,000,000
// events of every shape, on one core. Reports events/s (engine only: the time to make the events is
// measured separately and taken off), peak RSS, what the rule index saves, and the slowest rules.
//
//   node --import tsx bench/sigma/run.ts [--count 1000000] [--seed 20261001] [--pool 4096] [--digest]
//
// --digest only hunts once and prints a SHA-256 over every match in order (the number of rule
// evaluations is printed beside it, not hashed: a better index lowers it without changing a match).
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CanonicalEvent } from '../../src/core/event.ts';
import { BUILTIN_RULES_DIR, createHunter, loadRules, type HunterOptions, type SigmaMatch } from '../../src/sigma/index.ts';
import { buildPool } from './pool.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SIGMA = join(ROOT, '..', 'shared', 'data', 'sigma');
const TARGET_EPS = 300_000;
const MiB = 2 ** 20;

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '20261001' }, pool: { type: 'string', default: '4096' }, digest: { type: 'boolean', default: false } } });
const count = Number(values.count);
const seed = Number(values.seed);
const T0 = Date.parse('2026-10-01T00:00:00.000Z');

const loadStart = performance.now();
const loaded = loadRules([SIGMA, BUILTIN_RULES_DIR]);
const loadMs = performance.now() - loadStart;
const pool = buildPool(Number(values.pool), seed);

/** The i-th event: a pool record under a new id and time, 50 ms after the previous one. */
function eventAt(i: number): CanonicalEvent {
  const e = pool[(i * 2654435761) % pool.length]!;
  return { ...e, id: `b${i}`, time: new Date(T0 + i * 50).toISOString() };
}

/** CPU milliseconds of this process (user + system): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function makeOnly(n: number): { ms: number; cpu: number } {
  const t = performance.now();
  const c = cpuMs();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += eventAt(i).id.length;
  if (sink < 0) console.log(sink);
  return { ms: performance.now() - t, cpu: cpuMs() - c };
}

function hunt(n: number, options: HunterOptions = {}): { ms: number; cpu: number; matches: number; evaluations: number; stats: ReturnType<ReturnType<typeof createHunter>['stats']> } {
  const h = createHunter(loaded, options);
  let matches = 0;
  const t = performance.now();
  const c = cpuMs();
  for (let i = 0; i < n; i++) matches += h.push(eventAt(i)).length;
  matches += h.finish().length;
  return { ms: performance.now() - t, cpu: cpuMs() - c, matches, evaluations: h.stats().evaluations, stats: h.stats() };
}

/** A yardstick for the machine: microseconds per JSON.parse of a small object. */
function calibrate(): number {
  const text = JSON.stringify({ a: 1, b: 'x', c: [1, 2, 3], d: { e: 'f' } });
  let n = 0;
  const c = cpuMs();
  for (let i = 0; i < 1_000_000; i++) n += (JSON.parse(text) as { a: number }).a;
  if (n < 0) console.log(n);
  return cpuMs() - c;
}

/** Every match in order (rule, event ids, time, group, value, shape…) hashed, and the evaluations. */
function digest(n: number): void {
  const h = createHunter(loaded);
  const hash = createHash('sha256');
  let matches = 0;
  const add = (ms: SigmaMatch[]): void => {
    for (const m of ms) hash.update(JSON.stringify(m) + '\n');
    matches += ms.length;
  };
  for (let i = 0; i < n; i++) add(h.push(eventAt(i)));
  add(h.finish());
  const evaluations = h.stats().evaluations;
  console.log(`digest ${hash.digest('hex')}  events ${n}  matches ${matches}  evaluations ${evaluations}`);
}

if (values.digest) {
  digest(count);
  process.exit(0);
}

hunt(20_000); // warm-up: JIT and lazily built indexes
const yardstick = calibrate();
const rssBefore = process.memoryUsage().rss;
const make = makeOnly(count);
const main = hunt(count);
const engineMs = main.cpu - make.cpu;
const eps = count / (engineMs / 1000);
const wallEps = count / ((main.ms - make.ms) / 1000);
const peakRss = process.resourceUsage().maxRSS * 1024;

const sample = Math.min(count, 200_000);
const flat = hunt(sample, { noIndex: true });
const flatEps = sample / ((flat.cpu - (make.cpu * sample) / count) / 1000);
const profiled = hunt(sample, { profile: true });
const slowest = [...(profiled.stats.ruleProfile ?? new Map<string, { title: string; ms: number; evaluations: number }>()).entries()]
  .sort((a, b) => b[1].ms - a[1].ms)
  .slice(0, 8)
  .map(([id, p]) => ({ id, title: p.title, ms: Math.round(p.ms), evaluations: p.evaluations, usPerEval: Number(((p.ms * 1000) / p.evaluations).toFixed(2)) }));

const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  events: count,
  rules: loaded.rules.length,
  activeRules: loaded.rules.length - loaded.inactive.length,
  correlations: loaded.correlations.length,
  rejected: loaded.rejected.length,
  loadMs: Math.round(loadMs),
  engineCpuMs: Math.round(engineMs),
  eventsPerSecond: Math.round(eps),
  wallEventsPerSecond: Math.round(wallEps),
  jsonParseMsPerMillion: Math.round(yardstick),
  target: TARGET_EPS,
  matches: main.matches,
  evaluationsPerEvent: Number((main.evaluations / count).toFixed(2)),
  unindexedEvaluationsPerEvent: Number((flat.evaluations / sample).toFixed(2)),
  unindexedEventsPerSecond: Math.round(flatEps),
  rssBeforeMiB: Math.round(rssBefore / MiB),
  peakRssMiB: Math.round(peakRss / MiB),
  byShape: main.stats.byShape,
  slowest,
};

mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
appendFileSync(join(ROOT, 'bench', 'out', 'sigma-results.jsonl'), JSON.stringify(result) + '\n');
console.log(`rules: ${result.rules} loaded (${result.activeRules} with a field map), ${result.correlations} correlations, ${result.rejected} refused; load ${result.loadMs} ms`);
console.log(`events: ${count.toLocaleString('en')} over ${Object.keys(main.stats.byShape).length} shapes; matches ${main.matches.toLocaleString('en')}`);
console.log(`engine: ${result.eventsPerSecond.toLocaleString('en')} events/s of CPU time on one core (wall: ${result.wallEventsPerSecond.toLocaleString('en')}; target ${TARGET_EPS.toLocaleString('en')}) ${eps >= TARGET_EPS ? 'OK' : 'BELOW TARGET'}`);
console.log(`machine yardstick: ${result.jsonParseMsPerMillion} ms CPU per million JSON.parse of a small object`);
console.log(`index: ${result.evaluationsPerEvent} rule evaluations per event (without it ${result.unindexedEvaluationsPerEvent}, ${result.unindexedEventsPerSecond.toLocaleString('en')} events/s)`);
console.log(`memory: RSS ${result.rssBeforeMiB} MiB before the hunt, peak ${result.peakRssMiB} MiB`);
console.log('slowest rules (profiled on the first events):');
for (const s of slowest) console.log(`  ${String(s.ms).padStart(6)} ms  ${String(s.evaluations).padStart(8)} evals  ${s.usPerEval} µs/eval  ${s.title}`);
