// Scenario ids and their builders. The demo, tests and benchmarks all start from here.
import { BENIGN_DEFAULTS, buildOrdinaryTenant, SCALE_DEFAULTS } from './benign.ts';
import { buildSeedCase } from './seed-case.ts';
import type { BuildOptions, BuiltScenario, ScenarioId, ScenarioRequest } from './types.ts';

export const SCENARIOS: Record<ScenarioId, { title: string; build: (request: ScenarioRequest, options: BuildOptions) => BuiltScenario }> = {
  'seed-case': { title: 'Admin takeover of a small company tenant (DESIGN.md section 1), Free tenant', build: buildSeedCase },
  benign: { title: BENIGN_DEFAULTS.title, build: (r, o) => buildOrdinaryTenant(r, o, BENIGN_DEFAULTS) },
  scale: { title: SCALE_DEFAULTS.title, build: (r, o) => buildOrdinaryTenant(r, o, SCALE_DEFAULTS) },
};

export function isScenarioId(id: string): id is ScenarioId {
  return Object.hasOwn(SCENARIOS, id);
}

export function buildScenario(request: ScenarioRequest | ScenarioId, options: BuildOptions): BuiltScenario {
  const normalized = typeof request === 'string' ? { id: request } : request;
  const entry = SCENARIOS[normalized.id];
  if (!entry) throw new Error(`unknown scenario '${String(normalized.id)}'; known: ${Object.keys(SCENARIOS).join(', ')}`);
  return entry.build(normalized, options);
}
