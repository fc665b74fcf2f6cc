import { dependency, type Parsed } from './parsed.js';
import { parseRequirement } from './pep508.js';

/**
 * setup.py, read as text and never run: the string literals inside `install_requires=[…]`
 * (or a tuple), and `python_requires='…'`. A list built at run time (read from a file, a
 * variable) cannot be known without running the file, so it is left empty, not guessed.
 */
export function parseSetupPy(path: string, text: string): Parsed {
  const result: Parsed = { dependencies: [] };
  for (const key of ['install_requires', 'setup_requires']) {
    const at = new RegExp(`\\b${key}\\s*=\\s*([\\[(])`).exec(text);
    if (!at) continue;
    const start = at.index + at[0].length;
    const literals = stringsUntilClose(text, start, at[1] === '[' ? ']' : ')');
    if (key === 'setup_requires') continue;
    for (const lit of literals) {
      const parsed = parseRequirement(lit.value);
      if (parsed) {
        result.dependencies.push(
          dependency(path, lineAt(text, lit.offset), parsed.name, parsed.spec, parsed.pinned),
        );
      }
    }
  }
  const python = /\bpython_requires\s*=\s*(['"])([^'"\n]*)\1/.exec(text);
  if (python?.[2]) result.pythonVersion = python[2];
  return result;
}

/** String literals from `start` to the matching close bracket, skipping comments. */
function stringsUntilClose(text: string, start: number, close: string): { value: string; offset: number }[] {
  const found: { value: string; offset: number }[] = [];
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) break;
      found.push({ value: text.slice(i + 1, end), offset: i });
      i = end;
      continue;
    }
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      if (depth === 0 && c === close) break;
      depth--;
    }
  }
  return found;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** setup.cfg `[options] install_requires` (one per indented line) and `[options.extras_require]`. */
export function parseSetupCfg(path: string, text: string): Parsed {
  const result: Parsed = { dependencies: [] };
  let section = '';
  let key = '';
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s[#;].*$/, '');
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = (header[1] ?? '').trim().toLowerCase();
      key = '';
      return;
    }
    if (/^\s*[#;]/.test(line) || !line.trim()) return;
    let value = line;
    const assignment = /^(\S[^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (assignment && !/^\s/.test(line)) {
      key = (assignment[1] ?? '').trim().toLowerCase();
      value = assignment[2] ?? '';
      if (section === 'options' && key === 'python_requires' && value.trim())
        result.pythonVersion = value.trim();
    }
    const wanted =
      (section === 'options' && key === 'install_requires') || section === 'options.extras_require';
    if (!wanted || !value.trim()) return;
    const parsed = parseRequirement(value.trim());
    if (parsed) result.dependencies.push(dependency(path, i + 1, parsed.name, parsed.spec, parsed.pinned));
  });
  return result;
}
