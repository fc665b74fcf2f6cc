import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SINGLE_REPO_REPORT } from '../../test/fixtures/sample-report.js';
import type { Report } from '../engine/report.js';
import { FORMATS, render } from './index.js';

const SUMMARY = '+3 (61 → 64): now dependencies are pinned to exact versions';

const withChanges: Report = {
  ...SINGLE_REPO_REPORT,
  repos: [
    {
      ...SINGLE_REPO_REPORT.repos[0]!,
      changes: {
        since: { recordedAt: '2026-10-01T09:00:00.000Z', commit: 'abcdef0123456789', score: 61 },
        scoreDelta: 3,
        principles: [{ principle: 'runnable', from: 4, to: 6 }],
        fixed: [
          { check: 'DEP102', title: 'Dependencies are pinned to exact versions', principle: 'runnable' },
        ],
        broke: [],
        summary: SUMMARY,
      },
    },
  ],
};

describe('since the last run', () => {
  for (const format of FORMATS) {
    it(`${format} shows what changed since the previous recorded run`, () => {
      const text = render(format, withChanges, { color: false, width: 100 });
      // Terminal lines wrap, and JSON Lines escapes the arrow: compare the words.
      const flat = text.replace(/\s+/g, ' ');
      assert.ok(
        flat.includes('now dependencies are pinned to exact versions'),
        `${format} lacks the summary`,
      );
      if (!['json', 'jsonl', 'sarif', 'csv'].includes(format))
        assert.match(text, /Since the last run \(2026-10-01, abcdef0\)/);
    });
  }

  it('says nothing when there was no previous run', () => {
    const text = render('terminal', SINGLE_REPO_REPORT, { color: false, width: 100 });
    assert.doesNotMatch(text, /Since the last run/);
  });
});
