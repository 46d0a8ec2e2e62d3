// The posture assessment's public API, for `takeback assess`, scan and the report.
export { assess, type AssessOptions } from './engine.ts';
export { runCheck } from './run.ts';
export { CHECKS, CHECK_IDS, findCheck } from './registry.ts';
export { AcceptanceError, loadAcceptances, parseAcceptances, type Acceptance, type AcceptanceList } from './acceptance.ts';
export { formatAssessment, renderAssessment, renderCheck, type RenderedAssessment, type RenderedCheck } from './render.ts';
export { loadFramework, requirementsOf, type Framework, type Requirement } from './frameworks/frameworks.ts';
export { SEVERITY_WEIGHT } from './score.ts';
export type * from './types.ts';
