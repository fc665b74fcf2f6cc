import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { BLOG_CHECKS } from '../../src/blog/checks/index.js';
import { reviewBlog } from '../../src/blog/review.js';
import { registerBlogCommands } from '../../src/cli/blog.js';
import { code, imageOutput, md, notebook } from '../helpers/notebook.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

async function run(
  args: string[],
): Promise<{ out: string; err: string; failed: unknown; exit: number | null }> {
  let out = '';
  let err = '';
  let exit: number | null = null;
  const program = new Command('unherd').exitOverride().configureOutput({
    writeOut: (s) => {
      out += s;
    },
    writeErr: (s) => {
      err += s;
    },
  });
  registerBlogCommands(program, (code) => {
    exit = code;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, failed: null, exit };
  } catch (e) {
    return { out, err, failed: e, exit };
  }
}

const README = `# Predicting empty bike stations in Lyon

Can we predict an hour ahead whether a bike-share station will run dry?

## Data

Station status collected every five minutes from the [Lyon open data portal](https://data.grandlyon.com/velov) for six weeks.

## Results

The model catches 71% of empty-station events an hour ahead, against 48% for the last-week baseline.

## How to run

\`\`\`bash
$ pip install -r requirements.txt
python -m velov.train
\`\`\`
`;

const FEATURES = `import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier


def add_lags(frame: pd.DataFrame, hours: int = 1) -> pd.DataFrame:
    """Availability an hour earlier, per station."""
    out = frame.sort_values("time").copy()
    out["lag"] = out.groupby("station")["bikes"].shift(hours * 12)
    return out


def train(frame):
    """Fits the classifier on lagged availability."""
    model = HistGradientBoostingClassifier(max_depth=6)
    model.fit(frame[["lag", "hour"]], frame["empty_in_1h"])
    return model
`;

function project(): string {
  return repo(
    {
      'README.md': README,
      'requirements.txt': 'pandas==2.2.0\nscikit-learn==1.4.0\n',
      'velov/__init__.py': '',
      'velov/features.py': FEATURES,
      'notebooks/eda.ipynb': notebook([
        md('# Exploring availability'),
        code('import pandas as pd\ndf = pd.read_parquet("data/status.parquet")', { exec: 1 }),
        md('Bikes available at Part-Dieu over one week'),
        code('df.plot()', { exec: 2, outputs: [imageOutput()] }),
        code('df.hist()', { exec: 3, outputs: [imageOutput('####')] }),
      ]),
    },
    { commits: spreadCommits('2024-01-01', 40, 4) },
  );
}

describe('unherd blog draft', () => {
  it('writes a draft whose review has no structural findings, with figures, excerpts and prompts', async () => {
    const out = join(tempDir(), 'draft');
    const { out: stdout, err, failed } = await run(['blog', 'draft', project(), '--out', out]);
    assert.equal(failed, null);
    assert.match(stdout, /wrote .*post\.md with 1 figure\(s\), [1-3] code excerpt\(s\)/);
    assert.match(
      readFileSync(join(out, 'post.md'), 'utf8'),
      /From `velov\/features.py` \(line 5\):\n\n```python\nimport pandas as pd\n\ndef add_lags/,
    );
    assert.match(err, /cell 5: image output is not valid base64; skipped/);
    assert.ok(existsSync(join(out, 'assets', 'figure-1.png')));
    const post = readFileSync(join(out, 'post.md'), 'utf8');
    assert.match(post, /Only you can write this:\*\* why this problem/);
    assert.match(post, /71% of empty-station events .* \[\^readme\]/);
    assert.match(post, /Figure 1: Bikes available at Part-Dieu over one week/);
    assert.match(post, /https:\/\/pypi\.org\/project\/scikit-learn\//);
    assert.doesNotMatch(post, /\$ pip/);
    assert.ok(readFileSync(join(out, 'social.txt'), 'utf8').length <= 281);

    const review = await reviewBlog([join(out, 'post.md')]);
    const structural = new Set(BLOG_CHECKS.filter((c) => c.structural).map((c) => c.code));
    const failing = review.posts[0]!.checks.filter((c) => structural.has(c.check) && c.outcome === 'fail');
    assert.deepEqual(
      failing.map((c) => `${c.check}: ${c.findings.map((f) => f.message).join('; ')}`),
      [],
    );
    assert.ok(review.posts[0]!.checks.some((c) => c.check === 'BLG111' && c.outcome === 'pass'));
  });

  it('offers no --llm option: drafting never needs a language model', async () => {
    const { failed } = await run(['blog', 'draft', project(), '--llm', 'http://localhost:8080']);
    assert.match(String(failed), /unknown option '--llm'/);
  });
});

describe('unherd blog review', () => {
  it('exits 1 with --fail-on when a finding reaches the severity, 0 otherwise', async () => {
    const fixtures = new URL('../fixtures/blog/', import.meta.url).pathname;
    assert.equal((await run(['blog', 'review', fixtures, '--format', 'json', '--fail-on', 'low'])).exit, 1);
    assert.equal((await run(['blog', 'review', fixtures, '--format', 'json'])).exit, 0);
  });

  it('reviews a blog folder as JSON, reviewing good posts despite broken ones', async () => {
    const fixtures = new URL('../fixtures/blog/', import.meta.url).pathname;
    const { out, failed } = await run(['blog', 'review', fixtures, '--format', 'json']);
    assert.equal(failed, null);
    const report = JSON.parse(out) as {
      posts: { path: string; score: number | null; error: string | null }[];
    };
    const good = report.posts.find((p) => p.path.endsWith('good-post.md'))!;
    const generic = report.posts.find((p) => p.path.endsWith('generic-tutorial.md'))!;
    assert.ok(good.score! > generic.score! + 40, `${good.score} vs ${generic.score}`);
    assert.ok(report.posts.find((p) => p.path.endsWith('nav-only.html'))!.error);
  });
});
