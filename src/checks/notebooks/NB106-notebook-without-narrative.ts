import { defineCheck } from '../types.js';

const HEADING = /^\s{0,3}#{1,6}\s+\S/m;

export default defineCheck({
  code: 'NB106',
  name: 'notebook-without-narrative',
  title: 'Notebooks explain themselves in Markdown',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    fewMarkdown: '{{file}} has {{markdown}} Markdown cells for {{code}} code cells',
    noHeadings: '{{file}} has no Markdown headings to structure its {{code}} code cells',
  },
  options: { minCodeCells: 5, minMarkdownPerCodeCell: 0.15 },
  advice:
    'Add Markdown to each notebook: a title, a heading per step, and a sentence on what each result means.',
  docs: {
    what: 'Notebooks with several code cells but almost no Markdown text, or no headings at all.',
    why: 'A hiring manager reads notebooks for your reasoning: why this feature, what the plot shows, what you concluded. A wall of code cells hides the thinking they are trying to judge.',
    fix: 'Start with a title and the question, put a heading before each step, and write a line of interpretation after each important output.',
    limitations: 'Counts cells, not words; comments inside code cells do not count as narrative.',
  },
  run({ facts, options, fail, notApplicable }) {
    let judged = 0;
    for (const nb of facts.notebooks.notebooks) {
      if (nb.error !== undefined) continue;
      const code = nb.cells.filter((c) => c.type === 'code' && c.source.trim() !== '').length;
      if (code < options.minCodeCells) continue;
      judged++;
      const markdown = nb.cells.filter((c) => c.type === 'markdown' && c.source.trim() !== '');
      if (markdown.length / code < options.minMarkdownPerCodeCell) {
        fail('fewMarkdown', { file: nb.path, markdown: markdown.length, code }, { file: nb.path });
      } else if (!markdown.some((c) => HEADING.test(c.source))) {
        fail('noHeadings', { file: nb.path, code }, { file: nb.path, cell: markdown[0]!.index });
      }
    }
    if (judged === 0) notApplicable(`no readable notebook with ${options.minCodeCells} or more code cells`);
  },
});
