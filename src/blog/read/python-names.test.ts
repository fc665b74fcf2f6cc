import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolvePythonBlocks } from './python-names.js';

describe('resolvePythonBlocks', () => {
  it('finds a name no block of the post imports or defines', async () => {
    const [first] = await resolvePythonBlocks([
      { content: 'df = pd.read_csv("x.csv")\ndf.head()', firstLine: 3 },
    ]);
    assert.deepEqual(
      first!.unresolved.map((u) => u.name),
      ['pd'],
    );
  });

  it('counts imports in any block of the post, and `%pylab` as a star import', async () => {
    const results = await resolvePythonBlocks([
      { content: 'x = np.linspace(0, 1)', firstLine: 1 },
      { content: 'import numpy as np', firstLine: 5 },
    ]);
    assert.deepEqual(
      results.flatMap((r) => r.unresolved),
      [],
    );
    const pylab = await resolvePythonBlocks([
      { content: '%pylab inline', firstLine: 1 },
      { content: 'plot(linspace(0, 1), sin(x))', firstLine: 3 },
    ]);
    assert.deepEqual(
      pylab.flatMap((r) => r.unresolved),
      [],
    );
    assert.equal(pylab[0]!.starImport, true);
  });
});
