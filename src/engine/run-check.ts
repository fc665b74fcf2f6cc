import type { AnyCheck, CheckResult, Evidence, Finding, MessageData, Outcome } from '../checks/types.js';
import type { Facts, FactsData } from '../facts.js';

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

/**
 * Runs one check against collected facts. The check only sees the facts it declared; if any of
 * them is unavailable the outcome is unknown with the collector's reason. A throw becomes an
 * error outcome naming the check, never a crash of the run.
 */
export function runCheck(check: AnyCheck, facts: Facts, options: unknown = check.options): CheckResult {
  const base = {
    check: check.code,
    name: check.name,
    principle: check.principle,
    severity: check.severity,
  };
  const view: Partial<FactsData> = {};
  for (const need of check.needs as (keyof FactsData)[]) {
    const collected = facts[need];
    if (collected.status !== 'ok') {
      return {
        ...base,
        title: check.title,
        outcome: 'unknown',
        credit: null,
        reason: `${need}: ${collected.reason}`,
        findings: [],
      };
    }
    (view as Record<string, unknown>)[need] = collected.data;
  }

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
    const template = (check.messages as Record<string, string>)[id];
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
    check.run({
      facts: view,
      options,
      fail: (id: string, data?: MessageData, evidence?: Evidence | Evidence[]) =>
        record('fail', id, data, evidence),
      pass: (id: string, data?: MessageData, evidence?: Evidence | Evidence[]) =>
        record('pass', id, data, evidence),
      notApplicable: (why: string) => {
        raise('not-applicable');
        reason ??= why;
      },
      unknown: (why: string) => {
        raise('unknown');
        reason = why;
      },
      credit: (fraction: number) => {
        credit = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      title: check.title,
      outcome: 'error',
      credit: null,
      reason: `${check.code} threw: ${message}`,
      findings: [],
    };
  }

  if (outcome === 'unknown' || outcome === 'not-applicable') {
    return {
      ...base,
      title: check.title,
      outcome,
      credit: null,
      reason,
      findings: findings.filter((f) => f.outcome !== 'pass'),
    };
  }
  const finalOutcome: Outcome = outcome;
  credit ??= finalOutcome === 'pass' ? 1 : 0;
  if (findings.length === 0) {
    findings.push({ ...base, outcome: 'pass', messageId: 'pass', message: check.title, evidence: [] });
  }
  return { ...base, title: check.title, outcome: finalOutcome, credit, reason, findings };
}
