import type { AnyCheck, CheckResult, Evidence, Finding, MessageData, Outcome } from '../checks/types.js';
import type { Facts, FactsData } from '../facts.js';
import { deriveRoute, type RouteDecision } from '../scoring/route.js';

const PRECEDENCE: Record<Outcome, number> = { error: 4, fail: 3, unknown: 2, 'not-applicable': 1, pass: 0 };

/**
 * Fills `{{name}}` placeholders; `{{count|commit}}` gives "1 commit" / "3 commits" and
 * `{{count|branch|branches}}` an irregular plural. A missing value stays visible rather than
 * silently vanishing.
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(
    /\{\{\s*(\w+)\s*(?:\|\s*([^|}]+?)\s*(?:\|\s*([^|}]+?)\s*)?)?\}\}/g,
    (whole, key: string, singular?: string, plural?: string) => {
      if (!Object.hasOwn(data, key)) return whole;
      const value = data[key]!;
      if (singular === undefined) return String(value);
      const one = Number(value) === 1;
      return `${value} ${one ? singular : (plural ?? `${singular}s`)}`;
    },
  );
}

/** What every kind of check (audit or blog) declares that running it needs. */
export interface CheckIdentity {
  code: string;
  name: string;
  title: string;
  principle: CheckResult['principle'];
  severity: CheckResult['severity'];
  messages: Record<string, string>;
}

/** The reporting half of a check's context: what `run` may call, whatever facts it reads. */
export interface Reporting {
  fail(message: string, data?: MessageData, evidence?: Evidence | Evidence[]): void;
  pass(message: string, data?: MessageData, evidence?: Evidence | Evidence[]): void;
  notApplicable(reason: string): void;
  unknown(reason: string): void;
  credit(fraction: number): void;
}

/** A result with no findings: unknown or error before the check could say anything. */
export function undecided(check: CheckIdentity, outcome: 'unknown' | 'error', reason: string): CheckResult {
  return {
    check: check.code,
    name: check.name,
    title: check.title,
    principle: check.principle,
    severity: check.severity,
    outcome,
    credit: null,
    reason,
    findings: [],
  };
}

/**
 * The semantics every check runs under: findings from `fail`/`pass` with formatted messages, the
 * strongest outcome wins (error > fail > unknown > not-applicable > pass), credit defaults from
 * the outcome, a check that reports nothing passes, and a throw becomes an error naming the check.
 */
export function executeCheck(check: CheckIdentity, run: (reporting: Reporting) => void): CheckResult {
  const base = { check: check.code, name: check.name, principle: check.principle, severity: check.severity };
  const findings: Finding[] = [];
  let outcome = 'pass' as Outcome;
  let reason: string | null = null;
  let credit: number | null = null;
  const raise = (next: Outcome) => {
    if (PRECEDENCE[next] > PRECEDENCE[outcome]) outcome = next;
  };
  const record = (
    kind: 'fail' | 'pass',
    id: string,
    data?: MessageData,
    evidence?: Evidence | Evidence[],
  ) => {
    const template = check.messages[id];
    if (template === undefined) throw new Error(`unknown message id "${id}"`);
    findings.push({
      ...base,
      outcome: kind,
      messageId: id,
      message: formatMessage(template, data),
      evidence: evidence === undefined ? [] : Array.isArray(evidence) ? evidence : [evidence],
    });
    raise(kind);
  };
  try {
    run({
      fail: (id, data, evidence) => record('fail', id, data, evidence),
      pass: (id, data, evidence) => record('pass', id, data, evidence),
      notApplicable: (why) => {
        raise('not-applicable');
        reason ??= why;
      },
      unknown: (why) => {
        raise('unknown');
        reason = why;
      },
      credit: (fraction) => {
        credit = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return undecided(check, 'error', `${check.code} threw: ${message}`);
  }
  const final: Outcome = outcome;
  if (final === 'unknown' || final === 'not-applicable') {
    return {
      ...base,
      title: check.title,
      outcome: final,
      credit: null,
      reason,
      findings: findings.filter((f) => f.outcome !== 'pass'),
    };
  }
  credit ??= final === 'pass' ? 1 : 0;
  if (findings.length === 0) {
    findings.push({ ...base, outcome: 'pass', messageId: 'pass', message: check.title, evidence: [] });
  }
  return { ...base, title: check.title, outcome: final, credit, reason, findings };
}

/**
 * Runs one check against collected facts. The check only sees the facts it declared; if any of
 * them is unavailable the outcome is unknown with the collector's reason. The route is decided
 * once per repository by the caller; left out, it is derived from the same facts. A throw becomes an
 * error outcome naming the check, never a crash of the run.
 */
export function runCheck(
  check: AnyCheck,
  facts: Facts,
  options: unknown = check.options,
  route: RouteDecision = deriveRoute(facts),
): CheckResult {
  const view: Partial<FactsData> = {};
  for (const need of check.needs as (keyof FactsData)[]) {
    const collected = facts[need];
    if (collected.status !== 'ok') return undecided(check, 'unknown', `${need}: ${collected.reason}`);
    (view as Record<string, unknown>)[need] = collected.data;
  }
  return executeCheck(check, (reporting) => check.run({ facts: view, options, route, ...reporting }));
}
