import type { TreeFile } from '../tree/types.js';
import type { ReadmeFormat } from './types.js';

const README = /^readme(\.(md|markdown|mdown|mkdn|mkd|rst|txt|text))?$/i;

/** Where GitHub looks for a README, in its order: the root, then `.github/`, then `docs/`. */
const FOLDERS = ['', '.github/', 'docs/'];

export function formatOf(path: string): ReadmeFormat {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'rst') return 'rst';
  if (ext === 'txt' || ext === 'text' || ext === '') return 'text';
  return 'markdown';
}

const FORMAT_RANK: Record<ReadmeFormat, number> = { markdown: 0, rst: 1, text: 2 };

/** The README a visitor sees first: Markdown preferred over RST over plain text, case-insensitive. */
export function locateReadme(files: readonly TreeFile[]): string | null {
  for (const folder of FOLDERS) {
    const candidates = files
      .filter((f) => f.path.toLowerCase().startsWith(folder.toLowerCase()))
      .filter((f) => {
        const rest = f.path.slice(folder.length);
        return !rest.includes('/') && README.test(rest);
      })
      .sort(
        (a, b) =>
          FORMAT_RANK[formatOf(a.path)] - FORMAT_RANK[formatOf(b.path)] ||
          (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
      );
    if (candidates[0]) return candidates[0].path;
  }
  return null;
}
