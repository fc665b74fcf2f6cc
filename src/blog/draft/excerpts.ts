import type { PythonFacts } from '../../collectors/python/types.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { resolvePythonBlocks } from '../read/python-names.js';

export interface Excerpt {
  file: string;
  line: number;
  code: string;
}

const MAX_EXCERPTS = 3;
const MAX_LINES = 30;
const TEST_FILE = /(^|\/)(tests?\/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$|setup\.py$)/;

/** The top-level statement starting at `line` (1-based): a def and its indented body, decorators included. */
function blockAt(lines: readonly string[], line: number): string[] | null {
  let start = line - 1;
  while (start > 0 && lines[start - 1]!.startsWith('@')) start--;
  let end = line;
  while (end < lines.length && (lines[end]!.trim() === '' || /^\s/.test(lines[end]!))) end++;
  while (end > line && lines[end - 1]!.trim() === '') end--;
  const block = lines.slice(start, end);
  return block.length <= MAX_LINES ? block : null;
}

/** Top-level import lines whose bound names the excerpt uses. */
function importsFor(lines: readonly string[], code: string): string[] {
  return lines.filter((l) => {
    if (!/^(import|from)\s/.test(l) || l.includes('(') || l.trim().endsWith('\\')) return false;
    const bound = /^import\s/.test(l)
      ? l
          .replace(/^import\s+/, '')
          .split(',')
          .map((p) => (p.split(/\s+as\s+/)[1] ?? p.split('.')[0] ?? '').trim())
      : l
          .replace(/^from\s+\S+\s+import\s+/, '')
          .split(',')
          .map((p) => (p.split(/\s+as\s+/)[1] ?? p).trim());
    return bound.some((name) => name !== '' && new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\b`).test(code));
  });
}

/**
 * Short excerpts of the repository's own modules (not notebooks, not tests): functions that fit
 * on a screen, with the imports they need, kept only when the audit's parser finds nothing they
 * use missing — so a reader can paste them and run them.
 */
export async function pickExcerpts(files: RepoFiles, python: PythonFacts): Promise<Excerpt[]> {
  const modules = new Set(
    python.files
      .filter((f) => f.origin === 'module' && !f.generated && !f.skipped && !TEST_FILE.test(f.path))
      .map((f) => f.path),
  );
  const defs = python.defs
    .filter((d) => d.kind === 'function' && modules.has(d.file) && !d.name.startsWith('_'))
    .sort(
      (a, b) =>
        Number(b.hasDocstring) - Number(a.hasDocstring) || a.file.localeCompare(b.file) || a.line - b.line,
    );
  const out: Excerpt[] = [];
  const texts = new Map<string, string[]>();
  for (const def of defs) {
    if (out.length >= MAX_EXCERPTS) break;
    if (out.some((e) => e.file === def.file)) continue;
    let lines = texts.get(def.file);
    if (!lines) {
      try {
        lines = (await files.readText(def.file)).text.split('\n');
      } catch {
        continue;
      }
      texts.set(def.file, lines);
    }
    if (/^\s/.test(lines[def.line - 1] ?? ' ')) continue;
    const block = blockAt(lines, def.line);
    if (!block) continue;
    const body = block.join('\n');
    const code = [...importsFor(lines, body), '', body].join('\n').trim();
    const [names] = await resolvePythonBlocks([{ content: code, firstLine: 1 }]);
    if (!names || names.syntaxError || names.unresolved.length > 0) continue;
    out.push({ file: def.file, line: def.line, code });
  }
  return out;
}
