import { basename } from 'node:path';
import { loadCatalogue } from '../../herd/catalogue.js';
import { type HerdInput, type HerdText, matchHerd } from '../../herd/match.js';
import { defineCollector } from '../define.js';
import { scanScripts } from '../scripts/scan.js';
import { scanConfigStrings } from './config-strings.js';

/** README text read for phrase matching; a README longer than this is judged on its beginning. */
const README_BYTES = 256 * 1024;
/** Notebook Markdown and code read per notebook for phrases and Kaggle references. */
const NOTEBOOK_TEXT_CHARS = 200_000;
/** READMEs of subfolders (one project each in a course repository), read as README text. */
const MAX_SUB_READMES = 30;
const SUB_README_BYTES = 64 * 1024;

export default defineCollector({
  name: 'herd',
  needs: ['tree', 'python', 'notebooks', 'data', 'readme'],
  async collect({ files, config, facts }) {
    const catalogue = loadCatalogue(config?.catalogues ?? []);
    const { tree, python, notebooks, data, readme } = facts;

    const texts: HerdText[] = [];
    if (readme.present && readme.path) {
      if (readme.title) texts.push({ file: readme.path, kind: 'readme-title', text: readme.title, line: 1 });
      if (readme.intro) texts.push({ file: readme.path, kind: 'readme-intro', text: readme.intro });
      try {
        const read = await files.readText(readme.path, README_BYTES);
        if (read.encoding !== 'binary')
          texts.push({ file: readme.path, kind: 'readme', text: read.text, line: 1 });
      } catch {
        // An unreadable README is reported by the README checks; matching goes on without it.
      }
    }
    // A repository of several projects describes each in its folder's README.
    const subReadmes = tree.files
      .filter((f) => /(^|\/)readme(\.(md|markdown|rst|txt))?$/i.test(f.path) && f.path.includes('/'))
      .filter((f) => f.path !== readme.path && f.path.split('/').length <= 4)
      .slice(0, MAX_SUB_READMES);
    for (const f of subReadmes) {
      try {
        const read = await files.readText(f.path, SUB_README_BYTES);
        if (read.encoding !== 'binary')
          texts.push({ file: f.path, kind: 'readme', text: read.text, line: 1 });
      } catch {
        // Unreadable: the other signals still count.
      }
    }
    for (const nb of notebooks.notebooks) {
      if (nb.title) texts.push({ file: nb.path, kind: 'notebook-title', text: nb.title });
      let budget = NOTEBOOK_TEXT_CHARS;
      for (const cell of nb.cells) {
        if (budget <= 0) break;
        if (cell.type === 'raw') continue;
        const text = cell.source.slice(0, budget);
        budget -= text.length;
        texts.push({
          file: nb.path,
          kind: cell.type === 'markdown' ? 'notebook-markdown' : 'notebook-code',
          text,
          cell: cell.index,
          line: 1,
        });
      }
    }

    const importsByFile = new Map<string, Set<string>>();
    for (const imp of python.imports) {
      const set = importsByFile.get(imp.file) ?? new Set<string>();
      set.add(imp.top);
      importsByFile.set(imp.file, set);
    }
    const isTest = (p: string) => /(^|\/)(tests?\/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$)/.test(p);
    const analysisUnits = [
      ...notebooks.notebooks.filter((n) => !n.error).map((n) => n.path),
      ...python.files
        .filter((f) => f.origin === 'module' && !f.generated && !f.skipped && !isTest(f.path))
        .map((f) => f.path),
    ];

    // R, R Markdown, Quarto, SQL and Stata code feeds the same signals as Python.
    const scripts = await scanScripts(files, tree.files);
    for (const lib of scripts.libraries) {
      const set = importsByFile.get(lib.file) ?? new Set<string>();
      set.add(lib.name);
      importsByFile.set(lib.file, set);
    }
    for (const doc of scripts.prose)
      texts.push({ file: doc.file, kind: 'notebook-markdown', text: doc.text, line: 1 });
    analysisUnits.push(...scripts.files.filter((f) => f.codeLines > 0 && !isTest(f.path)).map((f) => f.path));

    const input: HerdInput = {
      repoName: basename(tree.root),
      // A file git tracks but the checkout left out (a partial clone) still names the data set.
      paths: [
        ...tree.files.map((f) => f.path),
        ...tree.skipped
          .filter((s) => s.reason === 'not-checked-out')
          .filter((s) => !tree.vendored.some((v) => s.path.startsWith(`${v.root}/`)))
          .map((s) => s.path),
      ],
      dataFiles: data.files.map((f) => ({ path: f.path, columns: f.columns })),
      calls: [
        ...python.calls,
        ...scripts.calls.map((c) => ({
          callee: c.callee,
          stringArgs: c.stringArgs,
          stringKwargs: {},
          file: c.file,
          line: c.line,
        })),
      ],
      importsByFile,
      strings: [...python.strings, ...scripts.strings, ...(await scanConfigStrings(files, tree.files))],
      texts,
      analysisUnits,
    };
    return matchHerd(input, catalogue);
  },
});
