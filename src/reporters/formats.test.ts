import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { SAMPLE_REPORT, SINGLE_REPO_REPORT } from '../../test/fixtures/sample-report.js';
import type { AnyCheck } from '../checks/types.js';
import type { RepoReport, Report, ReportedFinding } from '../engine/report.js';
import { analysePortfolio } from '../portfolio/analyse.js';
import { badgeColor, renderBadge } from './badge.js';
import { csvCell, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { render, renderMarkdown, renderTerminal } from './index.js';
import { renderSarif } from './sarif.js';

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

const RICH_REPORT: Report = {
  ...SAMPLE_REPORT,
  schemaVersion: '1.2.0',
  repos,
  portfolio: analysePortfolio(repos),
};

const SNAPSHOTS = new URL('../../test/snapshots/', import.meta.url);

function matchesSnapshot(name: string, actual: string): void {
  const file = new URL(name, SNAPSHOTS);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${name} differs; run with UPDATE_SNAPSHOTS=1 if intended`,
  );
}

// The official file declares draft-04 (`$schema`, `id`) but uses only keywords that draft-07
// reads the same way; drop the two header keys so Ajv's draft-07 engine compiles it. One of its
// patterns is not valid in unicode mode, and formats are checked by the tests themselves.
const {
  $schema: _draft,
  id: _id,
  ...sarifSchema
} = JSON.parse(
  readFileSync(
    new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url),
    'utf8',
  ),
);
const validateSarif = new Ajv.default({
  strict: false,
  allErrors: true,
  unicodeRegExp: false,
  validateFormats: false,
}).compile(sarifSchema);

function assertValidSarif(log: unknown): void {
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
}

/** Metadata for one of the sample's made-up checks, as a real check would supply it. */
const ZZ102 = {
  code: 'ZZ102',
  name: 'dependencies-not-pinned',
  title: 'Dependencies are pinned',
  principle: 'runnable',
  severity: 'high',
  docs: {
    what: 'Finds unpinned dependencies.',
    why: 'A stranger gets other versions.',
    fix: 'Pin them.',
    limitations: '',
  },
} as unknown as AnyCheck;

/** Text outside tags and attributes must not contain markup from the repository. */
function assertNoLiveMarkup(html: string): void {
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /<img[^>]*onerror/i);
  assert.doesNotMatch(html, /"><img/);
  assert.equal((html.match(/<script>/g) ?? []).length <= 1, true, 'only the sorting script');
}

describe('html', () => {
  it('snapshot of the sample report: self-contained, charts as SVG', () => {
    const out = renderHtml(SAMPLE_REPORT);
    matchesSnapshot('report.html', out);
    assert.match(out, /^<!doctype html>/);
    assert.doesNotMatch(out, /(src|href)="(https?:)?\/\//, 'nothing loaded from the network');
    assert.doesNotMatch(out, /<link /);
    assert.match(out, /<svg class="chart"[^>]*aria-label="Distribution/);
    assert.match(out, /<svg class="chart"[^>]*aria-label="Score per principle/);
    assert.match(out, /<table class="sortable">/);
    assert.match(out, /notebooks\/eda\.ipynb cell 4 line 2/);
  });

  it('one repository: no overview, no script, still the principle chart', () => {
    const out = renderHtml(SINGLE_REPO_REPORT);
    assert.doesNotMatch(out, /<script/);
    assert.doesNotMatch(out, /id="overview"/);
    assert.match(out, /Score per principle/);
  });

  it('escapes every repository-derived string and forbids inline scripts it did not write', () => {
    const out = renderHtml(RICH_REPORT);
    matchesSnapshot('report-portfolio.html', out);
    assertNoLiveMarkup(out);
    assert.match(
      out,
      /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/,
    );
    assert.match(
      out,
      /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-/,
    );
    assert.match(out, /<h2>Portfolio<\/h2>/);
    assert.match(out, /Ignored by the config/);
    assert.match(out, /Pinned in the Docker image instead/);
  });

  it('content is in the page without JavaScript: every repository and finding is plain HTML', () => {
    const noScript = renderHtml(SAMPLE_REPORT).replace(/<script>[\s\S]*?<\/script>/g, '');
    for (const name of ['bikes', 'typo', 'weather']) assert.match(noScript, new RegExp(`<h2>${name} `));
    assert.match(noScript, /7 of 9 dependencies have no exact version/);
  });
});

describe('sarif', () => {
  it('snapshot validates against the official SARIF 2.1.0 schema', () => {
    const out = renderSarif(SAMPLE_REPORT, [ZZ102]);
    matchesSnapshot('report.sarif', out);
    const log = JSON.parse(out);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
  });

  it('rules carry check metadata; results point at file and line or at the repository', () => {
    const log = JSON.parse(renderSarif(SAMPLE_REPORT, [ZZ102]));
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'ZZ102');
    assert.equal(rule.fullDescription.text, 'Finds unpinned dependencies.');
    assert.match(rule.help.text, /^Pin them\./);
    assert.deepEqual(rule.properties.principle, 'runnable');
    assert.equal(rule.properties.severity, 'high');
    const pin = run.results.find((r: { ruleId: string }) => r.ruleId === 'ZZ102');
    assert.equal(pin.level, 'error');
    assert.deepEqual(pin.locations[0].physicalLocation.region, { startLine: 1 });
    assert.equal(pin.locations[0].physicalLocation.artifactLocation.uri, 'requirements.txt');
    const upload = run.results.find((r: { ruleId: string }) => r.ruleId === 'ZZ103');
    assert.equal(upload.locations[0].physicalLocation.artifactLocation.uri, 'README.md');
    assert.match(upload.message.text, /commit 3f9a2c7/);
    assert.equal(
      run.results.filter((r: { ruleId: string }) => r.ruleId === 'ZZ104').length,
      0,
      'passes are not results',
    );
  });

  it('an ignored finding is a suppressed result with the reason; hostile file names stay valid URIs', () => {
    const log = JSON.parse(renderSarif(RICH_REPORT));
    assertValidSarif(log);
    const pin = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'ZZ102');
    assert.equal(pin.suppressions[0].kind, 'external');
    assert.match(pin.suppressions[0].justification, /Pinned in the Docker image/);
    const nb = log.runs[0].results.find(
      (r: { ruleId: string; properties: { repository: string } }) =>
        r.ruleId === 'ZZ101' && r.properties.repository.startsWith('weather<'),
    );
    assert.doesNotMatch(nb.locations[0].physicalLocation.artifactLocation.uri, /[<>" ]/);
  });
});

describe('csv', () => {
  it('snapshot: one row per repository, CRLF, every principle column', () => {
    const out = renderCsv(SAMPLE_REPORT);
    matchesSnapshot('report.csv', out);
    const lines = out.split('\r\n');
    assert.equal(lines.length, 5, 'header, three rows, final empty');
    assert.match(
      lines[0]!,
      /^cohort,email,input_name,name,path,url,score,route,one-deep-project,original-problem,/,
      'carried columns first; a carried "name" does not collide with ours',
    );
    assert.match(lines[0]!, /,top_next_step,error,duplicate_of,input_note$/);
    assert.match(
      lines[1]!,
      /^spring 2024,ada@example\.com,Ada Candidate,bikes,cohort\/bikes,https:\/\/github\.com\/ada-candidate\/bikes\.git,58,own-data,0,/,
    );
    assert.match(lines[1]!, /,large files were not downloaded; data headers come from their first bytes$/);
    assert.match(lines[2]!, /No such folder: cohort\/typo,,$/);
    assert.match(lines[3]!, /,https:\/\/github\.com\/grace-candidate\/weather,$/, 'duplicate_of');
  });

  it('quotes per RFC 4180 and defuses spreadsheet formulas, carrying input columns', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+33 6'), "'+33 6");
    assert.equal(csvCell('-cmd'), "'-cmd");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-3), '-3', 'numbers are numbers');
    assert.equal(csvCell(null), '');
    const out = renderCsv(RICH_REPORT);
    const [header, , , row] = out.split('\r\n');
    assert.match(header!, /^cohort,email,input_name,name,path,url,score/);
    assert.match(row!, /^,ada@example\.com,"'=HYPERLINK\(""http:\/\/evil""\)",/);
  });
});

describe('badge', () => {
  it('snapshot: an SVG with the score, coloured by band', () => {
    const out = renderBadge(58);
    matchesSnapshot('badge.svg', out);
    assert.match(out, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(out, /58\/100/);
    assert.match(out, /fill="#dfb317"/);
  });

  it('colours by score and escapes the label', () => {
    assert.equal(badgeColor(92), '#4c1');
    assert.equal(badgeColor(20), '#e05d44');
    assert.equal(badgeColor(null), '#9f9f9f');
    assert.match(renderBadge(null), /no score/);
    assert.doesNotMatch(renderBadge(70, '<b>x</b>'), /<b>/);
  });
});

describe('portfolio and ignored findings in the text reports', () => {
  it('terminal and markdown show the portfolio and the ignored finding with its reason', () => {
    const term = renderTerminal(RICH_REPORT, { color: false, width: 100 });
    matchesSnapshot('terminal-portfolio.txt', term);
    assert.match(term, /Portfolio/);
    assert.match(term, /Ignored by the config \(not scored\)/);
    assert.match(term, /reason: Pinned in the Docker image instead/);
    const md = renderMarkdown(RICH_REPORT);
    matchesSnapshot('report-portfolio.md', md);
    assert.match(md, /## Portfolio/);
    // Inside a code span markup is shown literally; everywhere else it must be escaped.
    const prose = md.replace(/`[^`\n]*`/g, '');
    assert.doesNotMatch(prose, /<script>/);
    assert.doesNotMatch(prose, /<img/);
  });

  it('an ignored finding leaves the findings list', () => {
    const term = renderTerminal(RICH_REPORT, { color: false, width: 200 });
    const findingsPart = term.slice(term.indexOf('Findings'), term.indexOf('Ignored by the config'));
    assert.doesNotMatch(findingsPart, /ZZ102/);
  });

  it('render knows every format', () => {
    for (const format of ['html', 'sarif', 'csv'] as const)
      assert.ok(render(format, SAMPLE_REPORT, { color: false }).length > 0);
  });
});

describe('html: neighbours and carried input', () => {
  it('overview has a column per carried field; each repository shows its row and its neighbours', () => {
    const out = renderHtml(SAMPLE_REPORT);
    assert.match(
      out,
      /<th data-sort="text">cohort<\/th><th data-sort="text">email<\/th><th data-sort="text">name<\/th><th data-sort="text">repository<\/th>/,
    );
    assert.match(out, /<td data-value="ada@example\.com">ada@example\.com<\/td>/);
    assert.match(out, /<h3>Nearest in the index<\/h3>/);
    assert.match(out, /<code>src\/clean\.py:12-31<\/code> ↔ <code>prep\/cleaning\.py:4-22<\/code>/);
    assert.match(out, /<td><strong>74%<\/strong><br><span class="muted">code 81%, data 67%/);
    assert.match(out, /No indexed repository is close enough to name\./);
  });

  it('escapes neighbour names, paths and shared items from the index', () => {
    const nb = bikes.neighbours!;
    const first = nb.nearest[0]!;
    const hostile: Report = {
      ...SAMPLE_REPORT,
      repos: [
        {
          ...bikes,
          input: { columns: { name: HOSTILE } },
          neighbours: {
            ...nb,
            nearest: [
              {
                ...first,
                name: HOSTILE,
                path: HOSTILE,
                shared: {
                  ...first.shared,
                  topics: [HOSTILE],
                  passages: [
                    {
                      a: { file: HOSTILE, startLine: 1, endLine: 2 },
                      b: { file: 'x.py', startLine: 1, endLine: 2 },
                    },
                  ],
                },
              },
            ],
          },
        },
        missing,
      ],
    };
    assertNoLiveMarkup(renderHtml(hostile));
    const prose = renderMarkdown(hostile).replace(/`[^`\n]*`/g, '');
    assert.doesNotMatch(prose, /<script>|<img/);
  });
});
