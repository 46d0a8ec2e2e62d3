// What a scenario is asked for and what it hands back.
import type { Licence } from '../tenant/model.ts';
import type { TenantState } from '../tenant/tenant-state.ts';

export type ScenarioId = 'seed-case' | 'benign' | 'scale';

export interface ScenarioRequest {
  id: ScenarioId;
  /** Background population (generated lazily); story characters come on top. */
  users?: number;
  /** Background directory audit events spread over `days` (generated lazily, never held in memory). */
  auditEvents?: number;
  /** Background sign-ins spread over `days`. */
  signIns?: number;
  /** How far back the background activity reaches. */
  days?: number;
}

export interface BuildOptions {
  seed: number;
  /** The tenant's "now": the story ends shortly before it. */
  nowMs: number;
  /** Overrides the scenario's own licence. */
  licence?: Licence;
}

/** One step of a scenario's story, for the demo and for tests to assert against. */
export interface StoryStep {
  at: string;
  actor: string;
  what: string;
  /** The directoryAudit activity it wrote, or null (sign-ins, purchases: no audit row). */
  auditActivity: string | null;
  /** Malicious (part of the takeover) or ordinary work. */
  malicious: boolean;
}

export interface BuiltScenario {
  id: ScenarioId;
  title: string;
  state: TenantState;
  storyline: StoryStep[];
  /** Named users of the story (e.g. admin, rogueAdmin), by role in the story -> user id. */
  characters: Record<string, string>;
  /** The user a device-code sign-in signs in as by default (UPN). */
  operatorUpn: string;
}
