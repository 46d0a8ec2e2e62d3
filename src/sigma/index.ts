// takeback's Sigma engine: load SigmaHQ-compatible rules, correlations and filters, and hunt with them
// over canonical events whatever shape their raw records came in.
export { BUILTIN_RULES_DIR, checkRules, checkTexts, loadRules, ruleFiles, type CheckEntry, type CheckReport, type SourceText } from './load.ts';
export { createHunter, type Hunter, type HunterOptions, type HuntStats } from './hunter.ts';
export type {
  CompiledCorrelation,
  CompiledFilter,
  CompiledRule,
  CorrelationType,
  LoadedRules,
  LoadOptions,
  LoadWarning,
  Rejected,
  RuleMeta,
  SigmaMatch,
} from './types.ts';
