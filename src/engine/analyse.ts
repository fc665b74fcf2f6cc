import { basename } from 'node:path';
import { ALL_CHECKS } from '../checks/index.js';
import type { AnyCheck, CheckResult } from '../checks/types.js';
import type { Collector } from '../collectors/define.js';
import { COLLECTORS } from '../collectors/index.js';
import { type Config, DEFAULT_CONFIG, ignoreRuleFor, resolveCheckOptions } from '../config.js';
import { describeError } from '../errors.js';
import type { CollectorName, Facts } from '../facts.js';
import { scoreChecks } from '../scoring/policy.js';
import { deriveRoute, publishedRoute, ROUTE_NEEDS, type RouteDecision } from '../scoring/route.js';
import { RepoFiles } from '../source/repo-files.js';
import { runCollectors } from './collect.js';
import { summariseFacts } from './facts-summary.js';
import { planNextSteps } from './next-steps.js';
import type { RepoReport, ReportedFinding } from './report.js';
import { runCheck } from './run-check.js';
import { writeSummary } from './summary.js';

export interface AnalyseOptions {
  config?: Config;
  checks?: readonly AnyCheck[];
}

/** Collects every fact about one repository. Never throws: a failing collector becomes unavailable. */
export function collectFacts(
  files: RepoFiles,
  needed?: ReadonlySet<CollectorName>,
  config: Config = DEFAULT_CONFIG,
): Promise<Facts> {
  return runCollectors(
    COLLECTORS as readonly Collector<CollectorName, CollectorName>[],
    files,
    needed,
    config,
  );
}

/** Which collectors a set of checks needs, with their dependencies. */
export function collectorsFor(checks: readonly AnyCheck[]): Set<CollectorName> {
  // The route is decided from its own collectors whatever checks run, so `--only` cannot change it.
  const needed = new Set<CollectorName>(['git', 'notebooks', ...ROUTE_NEEDS]);
  for (const check of checks) for (const n of check.needs as CollectorName[]) needed.add(n);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of COLLECTORS) {
      if (!needed.has(c.name)) continue;
      for (const d of c.needs as CollectorName[]) {
        if (!needed.has(d)) {
          needed.add(d);
          grew = true;
        }
      }
    }
  }
  return needed;
}

export function runChecks(
  facts: Facts,
  checks: readonly AnyCheck[],
  config: Config,
  route: RouteDecision = deriveRoute(facts),
): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const setting = config.checks[check.code] ?? config.checks[check.name];
    if (setting === 'off') continue;
    const result = runCheck(check, facts, resolveCheckOptions(check, config), route);
    if (setting && typeof setting === 'object' && setting.severity) {
      result.severity = setting.severity;
      for (const f of result.findings) f.severity = setting.severity;
    }
    applyIgnores(result, config);
    results.push(result);
  }
  return results;
}

/**
 * Marks failing findings a config `ignore` entry covers. When every failure of a check is
 * ignored, the check leaves the score (not-applicable, with the candidate's reason), so it also
 * leaves the red flags and next steps; its findings stay in the report, marked.
 */
export function applyIgnores(result: CheckResult, config: Config): void {
  if (result.outcome !== 'fail' || !config.ignore || config.ignore.length === 0) return;
  const failures = result.findings.filter((f) => f.outcome === 'fail') as ReportedFinding[];
  const reasons: string[] = [];
  for (const finding of failures) {
    const rule = ignoreRuleFor(finding, config.ignore);
    if (!rule) continue;
    finding.ignored =
      rule.path === undefined ? { reason: rule.reason } : { reason: rule.reason, path: rule.path };
    if (!reasons.includes(rule.reason)) reasons.push(rule.reason);
  }
  if (failures.length > 0 && failures.every((f) => f.ignored !== undefined)) {
    result.outcome = 'not-applicable';
    result.credit = null;
    result.reason = `ignored by the config: ${reasons.join('; ')}`;
  }
}

/** Audits one repository: facts once, then every check, then the score. Never throws. */
export async function analyseRepo(path: string, options: AnalyseOptions = {}): Promise<RepoReport> {
  const config = options.config ?? DEFAULT_CONFIG;
  const checks = options.checks ?? ALL_CHECKS;
  let name = basename(path.replace(/[\\/]+$/, '')) || path;
  let files: RepoFiles;
  try {
    files = await RepoFiles.open(path, config.limits);
  } catch (err) {
    return emptyReport(path, name, describeError(err));
  }
  // `audit .` should be named after the folder, not ".".
  if (name === '.' || name === '..') name = basename(files.root) || name;
  try {
    const facts = await collectFacts(files, collectorsFor(checks), config);
    const route = deriveRoute(facts);
    const results = runChecks(facts, checks, config, route);
    const scored = scoreChecks(results, 'repo', route);
    const findings = results
      .flatMap((r) => r.findings)
      .sort((a, b) => a.principle.localeCompare(b.principle) || a.check.localeCompare(b.check));
    const facetSummary = summariseFacts(facts);
    const narrative = writeSummary(facts, results, scored, route);
    return {
      path,
      root: files.root,
      name,
      score: scored.total,
      route: publishedRoute(route),
      principles: scored.principles,
      excludedPrinciples: scored.excluded,
      summary: narrative.summary,
      highlights: narrative.highlights,
      redFlags: narrative.redFlags,
      nextSteps: planNextSteps(results, checks, route),
      findings,
      checks: results.map(({ findings: _findings, ...outcome }) => outcome),
      facts: facetSummary,
      error: null,
    };
  } catch (err) {
    return emptyReport(path, name, `internal error while auditing: ${describeError(err)}`, files.root);
  }
}

export function emptyReport(
  path: string,
  name: string,
  error: string,
  root: string | null = null,
): RepoReport {
  return {
    path,
    root,
    name,
    score: null,
    route: null,
    principles: [],
    excludedPrinciples: [],
    summary: '',
    highlights: [],
    redFlags: [],
    nextSteps: [],
    findings: [],
    checks: [],
    facts: null,
    error,
  };
}
