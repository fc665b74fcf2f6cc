import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonParser } from '../../collectors/python/parser.js';
import { fingerprintSource, nothingToFingerprint } from './fingerprint.js';
import { parseBounded, tokenise } from './tokenise.js';
import { fingerprintTokens } from './winnow.js';

const ORIGINAL = `import pandas as pd
from sklearn.linear_model import LogisticRegression

def clean(frame, limit=10):
    frame = frame.dropna(subset=["age"])
    for column in frame.columns:
        if frame[column].nunique() > limit:
            frame[column] = frame[column].astype("category")
    return frame

rides = clean(pd.read_csv("rides.csv"))
model = LogisticRegression(max_iter=200)
model.fit(rides[["age", "distance"]], rides["late"])
print(model.score(rides[["age", "distance"]], rides["late"]))
`;

/** The same program with every local name changed, other literals, comments, a docstring and new spacing. */
const DISGUISED = `import numpy as np  # a different import is boilerplate anyway
from sklearn.linear_model import LogisticRegression


def tidy( df ,   threshold = 25 ):
    """Drops rows without an age and makes wide columns categorical."""
    df = df.dropna( subset = [ 'years' ] )
    # walk every column
    for c in df.columns:
        if df[ c ].nunique( ) > threshold :
            df[c] = df[c].astype( 'category' )
    return df

trips = tidy(  pd.read_csv('trips_2023.csv')  )
clf = LogisticRegression( max_iter = 500 )
clf.fit(trips[['years', 'km']],
        trips['delayed'])
print(clf.score(trips[['years', 'km']], trips['delayed']))
`;

async function tokensOf(source: string): Promise<number[]> {
  const tree = parseBounded(await pythonParser(), source);
  assert.ok(tree);
  try {
    return tokenise(tree, source).hashes;
  } finally {
    tree.delete();
  }
}

describe('tokeniser', () => {
  it('gives the same stream after renaming, new literals, comments, docstrings and reformatting', async () => {
    assert.deepEqual(await tokensOf(DISGUISED), await tokensOf(ORIGINAL));
  });

  it('tells a different program apart', async () => {
    const other = ORIGINAL.replace('for column in frame.columns:', 'while frame.shape[0] > limit:');
    assert.notDeepEqual(await tokensOf(other), await tokensOf(ORIGINAL));
  });

  it('keeps indentation: moving a statement out of a loop changes the stream', async () => {
    const inside = 'for x in xs:\n    a = f(x)\n    b = g(a)\n';
    const outside = 'for x in xs:\n    a = f(x)\nb = g(a)\n';
    assert.notDeepEqual(await tokensOf(inside), await tokensOf(outside));
  });

  it('keeps library method names, which a rename does not touch', async () => {
    assert.notDeepEqual(await tokensOf('m.fit(x, y)\n'), await tokensOf('m.predict(x, y)\n'));
  });

  it('drops imports, so two projects importing pandas share nothing', async () => {
    assert.deepEqual(await tokensOf('import pandas as pd\nimport numpy as np\nfrom x import y\n'), []);
  });

  it('fingerprints the disguised copy exactly like the original, with lines in its own file', async () => {
    const a = await fingerprintSource(ORIGINAL);
    const b = await fingerprintSource(DISGUISED);
    assert.ok(a && b && a.length > 0);
    assert.deepEqual(
      b.map((f) => f.hash),
      a.map((f) => f.hash),
    );
    assert.ok(b.every((f) => f.startLine >= 5 && f.endLine <= 18 && f.startLine <= f.endLine));
  });

  it('survives source that is not Python: errors are tokens, not crashes', async () => {
    const tokens = await tokensOf('def (((\n\u0000\u0001 ]] \\x\n');
    assert.ok(Array.isArray(tokens));
  });
});

describe('token lines', () => {
  it('are the lines of the source, after blank lines, comments and non-ASCII text', async () => {
    const source = '\n\n# é ü — 日本\nx = "日本語"\nif x:\n    y = f(x,\n          2)\n';
    const tree = parseBounded(await pythonParser(), source);
    assert.ok(tree);
    try {
      const tokens = tokenise(tree, source);
      assert.deepEqual(tokens.lines, [4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7]);
      assert.equal(tokens.endLines[tokens.length - 1], 7);
    } finally {
      tree.delete();
    }
  });
});

describe('cells with nothing to fingerprint', () => {
  it('are recognised without parsing: blank lines, comments and one-line imports', () => {
    assert.ok(nothingToFingerprint(''));
    assert.ok(
      nothingToFingerprint(
        'import pandas as pd\nfrom sklearn.model_selection import train_test_split  # split\r\n\n# setup\n',
      ),
    );
  });

  it('are not code that follows an import, a wrapped import, or an indented one', () => {
    assert.ok(!nothingToFingerprint('import pandas as pd\ndf = pd.read_csv("x.csv")\n'));
    assert.ok(!nothingToFingerprint('from x import (\n    a,\n    b,\n)\n'));
    assert.ok(!nothingToFingerprint('import x; y = x.f()\n'));
    assert.ok(!nothingToFingerprint('if True:\n    import x\n'));
    assert.ok(!nothingToFingerprint('"""\nimport x\n"""\n'));
    assert.ok(!nothingToFingerprint('from_date = 3\n'));
  });

  it('give the same fingerprints whether skipped, cached, lexed or parsed', async () => {
    const parser = await pythonParser();
    assert.deepEqual(await fingerprintSource('import os\n# nothing here\n'), []);
    const first = await fingerprintSource(ORIGINAL);
    const again = await fingerprintSource(ORIGINAL);
    assert.ok(first && first.length > 0);
    assert.deepEqual(again, first);
    const tree = parseBounded(parser, ORIGINAL);
    assert.ok(tree);
    try {
      assert.deepEqual(fingerprintTokens(tokenise(tree, ORIGINAL)), first);
    } finally {
      tree.delete();
    }
  });
});
