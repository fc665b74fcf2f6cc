import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF105-no-app-or-interface.js';

describe('INF105 no-app-or-interface', () => {
  it('fails without an app or command-line interface', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'fail');
  });

  it('passes with a Streamlit app, pointing at its import', () => {
    const webApps = [{ framework: 'streamlit', file: 'app.py', line: 2 }];
    const result = checkFacts(check, { infra: infraOf({ webApps }) });
    assert.equal(result.outcome, 'pass');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: 'app.py', line: 2 }]);
  });

  it('names the framework as people write it', () => {
    const webApps = [{ framework: 'nextjs', file: 'frontend/package.json', line: 1 }];
    const result = checkFacts(check, { infra: infraOf({ webApps }) });
    assert.equal(result.findings[0]?.message, 'A Next.js app in frontend/package.json');
    const angular = [{ framework: 'angular', file: 'web/package.json', line: 1 }];
    const an = checkFacts(check, { infra: infraOf({ webApps: angular }) });
    assert.equal(an.findings[0]?.message, 'An Angular app in web/package.json');
  });

  it('passes with a console script', () => {
    const entryPoints = [{ kind: 'console-script', path: 'pyproject.toml', detail: 'predict' }];
    assert.equal(checkFacts(check, { infra: infraOf({ entryPoints }) }).outcome, 'pass');
  });
});
