import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonParser } from '../../collectors/python/parser.js';
import { fingerprintSource } from './fingerprint.js';
import { lexOrReason, lexTokens } from './lex.js';
import { parseBounded, type TokenStream, tokenise } from './tokenise.js';
import { fingerprintTokens } from './winnow.js';

async function parsed(source: string): Promise<TokenStream> {
  const tree = parseBounded(await pythonParser(), source);
  assert.ok(tree);
  try {
    return tokenise(tree, source);
  } finally {
    tree.delete();
  }
}

/** The lexer must give the parser's stream: the same hashes, and the same lines. */
async function assertSameAsParser(source: string): Promise<void> {
  const lexed = lexOrReason(source);
  assert.notEqual(typeof lexed, 'string', `lexer declined: ${String(lexed)}\n${source}`);
  const expected = await parsed(source);
  const got = lexed as TokenStream;
  assert.deepEqual(got.hashes, expected.hashes, source);
  assert.deepEqual(got.lines, expected.lines, source);
  assert.deepEqual(got.endLines, expected.endLines, source);
}

const PROGRAM = `import pandas as pd
from sklearn.linear_model import LogisticRegression

def clean(frame, limit=10):
    """Drops rows without an age."""
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

const SAME_AS_PARSER: Record<string, string> = {
  'a small analysis': PROGRAM,
  'one-line bodies':
    'if x: y = 1\nelif z: y = 2; w = 3\nelse: y = None\nclass A(B): pass\nfor i in r: print(i)\n',
  'colons inside brackets and lambdas in a header':
    'for f in [lambda v: v, {1: 2}[1:2]]:\n    pass\nwith a as b: pass\n',
  'annotations are not headers':
    'x: int = 5\ndef f(a: int = 1, *, b: str = "") -> dict[str, int]:\n    return {a: b}\n',
  'docstrings and strings that are not':
    'def f():\n    """Doc."""\n    return "x".upper()\n"module doc"\nx = "a" "b"\n',
  'adjacent strings across lines': 'x = (\n    "first "\n    f"second {y!r:>10}"\n    \'third\'\n)\n',
  'comparison operators of two words': 'if a not in b and c is not None:\n    pass\n',
  'continuations, inside and outside brackets':
    'total = a + \\\n    b\nvalue = (frame\n    .fillna(0)\n    .sum())\nx = y. \\\n    attr\n',
  'continuation before a string': 'call(a, \\\n     "b")\n',
  'decorators, async and await':
    '@app.route("/")\nasync def main():\n    async with s as t:\n        await t.get()\n',
  'literals and named leaves': 'x = [1_000, 0x1F, 1e-3, 2j, .5, 3., None, True, False, ..., -1]\n',
  'nested blocks closed at once':
    'def f(x):\n    if x:\n        for y in x:\n            while y:\n                y -= 1\nz = 1\n',
  'imports inside blocks are dropped':
    'def f():\n    import os\n    from . import x\n    return os.getcwd()\n',
  'tabs for indentation': 'if x:\n\ty = 1\n\tif y:\n\t\tz = 2\n',
  'Windows line endings': 'if x:\r\n    y = 1\r\nz = 2\r\n',
  'walrus, slices and star arguments':
    'if (n := len(a)) > 3:\n    b = a[1:n:2]\ndef g(a, /, b, *args, **kw): ...\n',
  'keyword-like attribute names': 'm = re.match(p, s)\nt = x.type\nprint(x)\n',
  'blank lines and comments between blocks': 'def f():\n    x = 1\n\n    # note\n\n    return x\n# end\n',
  'comment-only and empty code': '# just a comment\n',
  'a block of only a docstring': 'class A:\n    """Nothing else."""\n',
  'non-ASCII names and strings': 'données = "日本語"\nrésumé = données\n',
};

describe('the fast lexer', () => {
  for (const [what, source] of Object.entries(SAME_AS_PARSER)) {
    it(`gives the parser's stream: ${what}`, async () => {
      await assertSameAsParser(source);
    });
  }

  it("gives the parser's stream for an empty text", async () => {
    await assertSameAsParser('');
  });

  const DECLINED: Record<string, string> = {
    'Python 2 print': 'print "hello"\n',
    'a match statement': 'match x:\n    case 1:\n        pass\n',
    'a type alias': 'type Vector = list[float]\n',
    'type(...) at the start of a statement, which the grammar misreads': 'type(m).x = 1\n',
    'an unterminated string': 'x = "abc\n',
    'unbalanced brackets': 'x = (1, 2]\n',
    'an unclosed bracket': 'x = f(1,\n',
    'IPython help syntax': 'df.head?\n',
    'an unexpected indent': 'x = 1\n    y = 2\n',
    'a dedent to no enclosing level': 'if x:\n        y = 1\n    z = 2\n',
    'a keyword as an attribute (Python before 3.7)': 'tasks.async(f)\n',
    'a string in the same quotes inside an f-string': 'x = f"{d[f"{k}"]}"\n',
    'a header without a body': 'if x:\ny = 1\n',
  };
  for (const [what, source] of Object.entries(DECLINED)) {
    it(`declines, leaving it to the parser: ${what}`, () => {
      assert.equal(lexTokens(source), null);
      assert.equal(typeof lexOrReason(source), 'string');
    });
  }

  it('hands declined code to the parser, so fingerprints are the parser’s', async () => {
    const source = `${PROGRAM}print "done"\n`;
    assert.equal(lexTokens(source), null);
    assert.deepEqual(await fingerprintSource(source), fingerprintTokens(await parsed(source)));
  });

  it('fingerprints lexed code exactly as parsed code', async () => {
    assert.deepEqual(await fingerprintSource(PROGRAM), fingerprintTokens(await parsed(PROGRAM)));
  });

  it('never throws on bytes that are not Python', () => {
    for (const junk of ['\u0000\u0001\u0002', '\uFFFD\uFFFD', '"""', "'''abc", '\\', ')))', '\t\t\tx']) {
      assert.doesNotThrow(() => lexOrReason(junk));
    }
  });
});
