import type { Evidence, Severity } from '../../checks/types.js';
import type { AnyBlogCheck } from '../checks/define.js';
import type { BlogReport } from '../review.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};

function location(e: Evidence, fallback: string) {
  const region =
    e.line !== undefined
      ? { region: { startLine: e.line, ...(e.endLine !== undefined ? { endLine: e.endLine } : {}) } }
      : {};
  return {
    physicalLocation: { artifactLocation: { uri: (e.file ?? fallback).split('\\').join('/') }, ...region },
    ...(e.cell !== undefined ? { message: { text: `cell ${e.cell + 1}` } } : {}),
  };
}

/** SARIF 2.1.0: one rule per blog check, one result per failed finding, located at file and line. */
export function renderBlogSarif(report: BlogReport, checks: readonly AnyBlogCheck[]): string {
  const results = report.posts.flatMap((post) =>
    post.findings
      .filter((f) => f.outcome === 'fail')
      .map((f) => ({
        ruleId: f.check,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: (f.evidence.length > 0 ? f.evidence : [{ file: post.path }])
          .slice(0, 5)
          .map((e) => location(e, post.path)),
      })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'unherd',
            version: report.tool.version,
            rules: checks.map((c) => ({
              id: c.code,
              name: c.name,
              shortDescription: { text: c.title },
              fullDescription: { text: c.docs.what },
              help: { text: `${c.docs.why}\n\nFix: ${c.docs.fix}` },
              defaultConfiguration: { level: LEVEL[c.severity] },
              properties: { principle: c.principle },
            })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
