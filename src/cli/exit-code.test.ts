import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, exitCodeFor } from './exit-code.js';

describe('exitCodeFor', () => {
  it('is 0 without --fail-on, even with failing findings and one bad path', () => {
    assert.equal(exitCodeFor(SAMPLE_REPORT, null), EXIT_OK);
  });

  it('is 1 when a failing finding is at or above the threshold', () => {
    assert.equal(exitCodeFor(SAMPLE_REPORT, 'high'), EXIT_FINDINGS);
    assert.equal(exitCodeFor(SAMPLE_REPORT, 'low'), EXIT_FINDINGS);
  });

  it('is 0 when failures are all below the threshold', () => {
    const mediumOnly = {
      ...SAMPLE_REPORT,
      repos: SAMPLE_REPORT.repos.map((r) => ({
        ...r,
        findings: r.findings.filter((f) => f.severity !== 'high'),
      })),
    };
    assert.equal(exitCodeFor(mediumOnly, 'high'), EXIT_OK);
    assert.equal(exitCodeFor(mediumOnly, 'medium'), EXIT_FINDINGS);
  });

  it('does not fail on findings the user ignored with a reason', () => {
    const ignored = {
      ...SAMPLE_REPORT,
      repos: SAMPLE_REPORT.repos.map((r) => ({
        ...r,
        findings: r.findings.map((f) =>
          f.outcome === 'fail' ? { ...f, ignored: { reason: 'explained in README' } } : f,
        ),
      })),
    };
    assert.equal(exitCodeFor(ignored, 'low'), EXIT_OK);
  });

  it('is 2 when no repository could be audited', () => {
    const allBroken = { ...SAMPLE_REPORT, repos: SAMPLE_REPORT.repos.filter((r) => r.error !== null) };
    assert.equal(exitCodeFor(allBroken, null), EXIT_ERROR);
  });
});
