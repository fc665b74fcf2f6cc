import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { AnyCheck, Evidence, Severity } from '../checks/types.js';
import type { RepoReport, Report, ReportedFinding } from '../engine/report.js';
import { principleTitle } from './shared.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers. One run; rules from check metadata;
 * one result per failing finding, located at its first file evidence (file + startLine), or at
 * the repository when the evidence is a commit or a whole-repository observation. Ignored findings
 * are kept as results with an external suppression carrying the candidate's reason.
 */

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};
const INFORMATION_URI = 'https://github.com/unherd/unherd';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { principle: string; severity: Severity; tags: string[] };
}

function ruleFor(
  code: string,
  fromReport: { name: string; title: string; principle: string; severity: Severity },
  check: AnyCheck | undefined,
): SarifRule {
  const principle = fromReport.principle;
  return {
    id: code,
    name: check?.name ?? fromReport.name,
    shortDescription: { text: check?.title ?? fromReport.title },
    fullDescription: { text: check?.docs.what ?? check?.title ?? fromReport.title },
    help: { text: check ? `${check.docs.fix}\n\nWhy it matters: ${check.docs.why}` : fromReport.title },
    helpUri: `${INFORMATION_URI}/blob/main/docs/checks/${code}.md`,
    defaultConfiguration: { level: LEVEL[check?.severity ?? fromReport.severity] },
    properties: {
      principle,
      severity: check?.severity ?? fromReport.severity,
      tags: [principle, principleTitle(principle as never)],
    },
  };
}

/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.')
    .map(encodeURIComponent)
    .join('/');
}

function baseIdFor(index: number, many: boolean): string {
  return many ? `REPO${index + 1}` : '%SRCROOT%';
}

function location(evidence: Evidence | undefined, repo: RepoReport, baseId: string): Record<string, unknown> {
  if (evidence?.file !== undefined) {
    const physical: Record<string, unknown> = {
      artifactLocation: { uri: relativeUri(evidence.file), uriBaseId: baseId },
    };
    // A notebook cell's line is within the cell, not the file: point at the file only.
    if (evidence.line !== undefined && evidence.line >= 1 && evidence.cell === undefined) {
      const region: Record<string, number> = { startLine: evidence.line };
      if (evidence.endLine !== undefined && evidence.endLine >= evidence.line)
        region.endLine = evidence.endLine;
      physical.region = region;
    }
    return { physicalLocation: physical };
  }
  // Commit or whole-repository evidence: the repository itself (its README when it has one).
  const readme = repo.facts?.readme.path;
  return {
    physicalLocation: { artifactLocation: { uri: readme ? relativeUri(readme) : '.', uriBaseId: baseId } },
    logicalLocations: [{ name: repo.name, kind: 'module' }],
  };
}

function describeEvidence(evidence: readonly Evidence[]): string {
  const parts = evidence.slice(0, 5).map((e) => {
    if (e.commit !== undefined) return `commit ${e.commit.slice(0, 7)}`;
    if (e.file !== undefined && e.cell !== undefined) return `${e.file} cell ${e.cell + 1}`;
    return null;
  });
  const shown = parts.filter((p): p is string => p !== null);
  return shown.length > 0 ? ` (${shown.join(', ')})` : '';
}

function fingerprint(repo: RepoReport, f: ReportedFinding): string {
  const first = f.evidence[0];
  const key = [
    repo.name,
    f.check,
    f.messageId,
    first?.file ?? '',
    first?.cell ?? '',
    first?.commit ?? '',
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** The report as a SARIF 2.1.0 log. `checks` supplies rule metadata (docs, fix); unknown codes fall back to the report. */
export function renderSarif(report: Report, checks: readonly AnyCheck[] = []): string {
  const byCode = new Map(checks.map((c) => [c.code, c]));
  const ruleMeta = new Map<string, { name: string; title: string; principle: string; severity: Severity }>();
  for (const repo of report.repos) {
    for (const r of repo.checks) {
      if (!ruleMeta.has(r.check))
        ruleMeta.set(r.check, { name: r.name, title: r.title, principle: r.principle, severity: r.severity });
    }
    for (const f of repo.findings) {
      if (!ruleMeta.has(f.check))
        ruleMeta.set(f.check, { name: f.name, title: f.name, principle: f.principle, severity: f.severity });
    }
  }
  const codes = [...ruleMeta.keys()].sort();
  const rules = codes.map((code) => ruleFor(code, ruleMeta.get(code)!, byCode.get(code)));
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const many = report.repos.length > 1;

  const results: Record<string, unknown>[] = [];
  const originalUriBaseIds: Record<string, { uri: string; description?: { text: string } }> = {};
  report.repos.forEach((repo, index) => {
    if (repo.error !== null) return;
    const baseId = baseIdFor(index, many);
    if (many && repo.root) {
      const uri = pathToFileURL(repo.root).href;
      originalUriBaseIds[baseId] = {
        uri: uri.endsWith('/') ? uri : `${uri}/`,
        description: { text: repo.name },
      };
    }
    const failing = (repo.findings as ReportedFinding[])
      .filter((f) => f.outcome === 'fail')
      .sort((a, b) => a.check.localeCompare(b.check) || a.message.localeCompare(b.message));
    for (const f of failing) {
      const fileEvidence = f.evidence.filter((e) => e.file !== undefined);
      const primary = fileEvidence[0] ?? f.evidence[0];
      const related = fileEvidence.slice(1, 10).map((e, i) => ({ id: i + 1, ...location(e, repo, baseId) }));
      const result: Record<string, unknown> = {
        ruleId: f.check,
        ruleIndex: ruleIndex.get(f.check),
        level: LEVEL[f.severity],
        message: { text: `${f.message}${describeEvidence(f.evidence)}` },
        locations: [location(primary, repo, baseId)],
        partialFingerprints: { 'unherdFinding/v1': fingerprint(repo, f) },
        properties: {
          principle: f.principle,
          severity: f.severity,
          repository: repo.name,
          ...(repo.route ? { route: repo.route.id } : {}),
        },
      };
      if (related.length > 0) result.relatedLocations = related;
      if (f.ignored)
        result.suppressions = [{ kind: 'external', status: 'accepted', justification: f.ignored.reason }];
      results.push(result);
    }
  });

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'unherd',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    results,
    columnKind: 'unicodeCodePoints',
  };
  if (Object.keys(originalUriBaseIds).length > 0) run.originalUriBaseIds = originalUriBaseIds;
  const changes = report.repos
    .filter((r) => r.changes)
    .map((r) => ({ repository: r.name, scoreDelta: r.changes!.scoreDelta, summary: r.changes!.summary }));
  if (changes.length > 0) run.properties = { sinceLastRun: changes };
  if (report.generatedAt) run.invocations = [{ executionSuccessful: true, startTimeUtc: report.generatedAt }];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
