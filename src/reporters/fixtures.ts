import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import type { RepoReport, Report, ReportedFinding } from '../engine/report.js';
import { analysePortfolio } from '../portfolio/analyse.js';

/**
 * The shared sample report with what only the newer fields show: an ignored finding with the
 * candidate's reason, a repository name and README title carrying HTML, carried input columns,
 * and the portfolio view. Built from the shared sample so reporters stay tested on one report.
 */
const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

function withIgnoredPin(repo: RepoReport): RepoReport {
  const findings: ReportedFinding[] = repo.findings.map((f) =>
    f.check === 'ZZ102' ? { ...f, ignored: { reason: `Pinned in the Docker image instead ${HOSTILE}` } } : f,
  );
  return { ...repo, findings };
}

const [bikes, missing, weather] = SAMPLE_REPORT.repos as [RepoReport, RepoReport, RepoReport];

const hostileRepo: RepoReport = {
  ...weather,
  name: `weather${HOSTILE}`,
  summary: `"${HOSTILE}": a README title with markup.`,
  findings: weather.findings.map((f) =>
    f.check === 'ZZ101'
      ? { ...f, message: `commit says ${HOSTILE}`, evidence: [{ file: `nb/${HOSTILE}.ipynb`, cell: 0 }] }
      : f,
  ),
  input: {
    url: 'https://example.com/ada/weather.git',
    columns: { name: '=HYPERLINK("http://evil")', email: 'ada@example.com' },
  },
};

const repos = [withIgnoredPin(bikes), missing, hostileRepo];

export const RICH_REPORT: Report = {
  ...SAMPLE_REPORT,
  schemaVersion: '1.1.0',
  repos,
  portfolio: analysePortfolio(repos),
};

export { HOSTILE };
