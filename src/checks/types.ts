import type { CollectorName, FactsData } from '../facts.js';
import type { PrincipleId } from '../principles.js';
import type { RouteDecision, RouteId } from '../scoring/route.js';

/** How much a failure costs: high = a red flag a hiring manager acts on; low = polish. */
export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/**
 * fail / pass: the check ran and decided. not-applicable: nothing to judge (no notebooks for a
 * notebook check). unknown: the facts needed are missing (shallow clone, collector unavailable).
 * error: the check itself threw. Only pass and fail count towards a score.
 */
export type Outcome = 'fail' | 'pass' | 'not-applicable' | 'unknown' | 'error';

/** A place a person can look: file and line, notebook and cell, or a commit. */
export interface Evidence {
  file?: string;
  line?: number;
  endLine?: number;
  /** 0-based notebook cell index (reports show it 1-based as "cell N"). */
  cell?: number;
  commit?: string;
  note?: string;
}

export interface CheckDocs {
  /** What it finds. */
  what: string;
  /** Why a hiring manager cares. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** What it cannot see or may get wrong. */
  limitations: string;
}

export type MessageData = Record<string, string | number>;

export interface CheckContext<N extends CollectorName, M extends string, O> {
  facts: Pick<FactsData, N>;
  options: O;
  /**
   * The route the project takes out of the herd (src/scoring/route.ts), decided once from all
   * facts: checks whose question depends on it (own data for a replication) step aside or say so.
   */
  route: RouteDecision;
  fail(message: M, data?: MessageData, evidence?: Evidence | Evidence[]): void;
  /** A positive finding: what stands out. Optional; a check that reports no failure passes. */
  pass(message: M, data?: MessageData, evidence?: Evidence | Evidence[]): void;
  notApplicable(reason: string): void;
  unknown(reason: string): void;
  /** Partial credit in [0, 1] for graded checks (a 3-week history is better than a 1-day one). */
  credit(fraction: number): void;
}

export interface CheckDefinition<
  N extends CollectorName = CollectorName,
  M extends string = string,
  O = unknown,
> {
  /** Stable code, never reused: area prefix + number (GIT101). */
  code: string;
  /** kebab-case name saying what is flagged. */
  name: string;
  /** Short title for reports ("Dependencies are pinned"). */
  title: string;
  principle: PrincipleId;
  severity: Severity;
  status: 'preview' | 'stable';
  needs: readonly N[];
  messages: Record<M, string>;
  /** Thresholds a user may change in the config file. */
  options: O;
  /** One imperative sentence for the "next steps" list when this check fails. */
  advice: string;
  /** The advice for a project on a given route, when the general advice would take it off its route. */
  routeAdvice?: Partial<Record<RouteId, string>>;
  docs: CheckDocs;
  run(ctx: CheckContext<N, M, O>): void;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds checks of every shape
export type AnyCheck = CheckDefinition<any, any, any>;

export function defineCheck<N extends CollectorName, M extends string, O = Record<string, never>>(
  definition: CheckDefinition<N, M, O>,
): CheckDefinition<N, M, O> {
  return definition;
}

export interface Finding {
  check: string;
  name: string;
  principle: PrincipleId;
  severity: Severity;
  outcome: Outcome;
  messageId: string;
  message: string;
  evidence: Evidence[];
}

export interface CheckResult {
  check: string;
  name: string;
  title: string;
  principle: PrincipleId;
  severity: Severity;
  outcome: Outcome;
  /** Credit in [0, 1] for pass/fail outcomes; null otherwise. */
  credit: number | null;
  /** Why the outcome is unknown / not-applicable / error. */
  reason: string | null;
  findings: Finding[];
}
