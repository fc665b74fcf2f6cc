import { describeError } from '../../errors.js';
import { defineCollector } from '../define.js';
import { analyseDoc, type ReadmeContent } from './analyse.js';
import { formatOf, locateReadme } from './locate.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePlain } from './parse-plain.js';
import type { ReadmeFacts } from './types.js';

/** A README is prose: more than this is a book, and parsing it gains nothing. */
const MAX_README_BYTES = 512 * 1024;

const EMPTY: ReadmeContent = {
  title: null,
  intro: null,
  words: 0,
  sections: [],
  links: [],
  images: [],
  codeBlocks: [],
  runCommands: [],
  badges: 0,
  metrics: [],
  baselineMentions: [],
  placeholders: [],
};

export default defineCollector({
  name: 'readme',
  needs: ['tree'],
  async collect({ files, facts, limits }): Promise<ReadmeFacts> {
    const path = locateReadme(facts.tree.files);
    if (!path) {
      return { present: false, path: null, format: null, encoding: null, truncated: false, ...EMPTY };
    }
    const format = formatOf(path);
    const base = { present: true, path, format };
    let read: Awaited<ReturnType<typeof files.readText>>;
    try {
      read = await files.readText(path, Math.min(limits.maxFileBytes, MAX_README_BYTES));
    } catch (err) {
      return { ...base, encoding: null, truncated: false, error: describeError(err), ...EMPTY };
    }
    if (read.encoding === 'binary') {
      return {
        ...base,
        encoding: 'binary',
        truncated: read.truncated,
        error: 'the README is not text (binary content)',
        ...EMPTY,
      };
    }
    const doc = format === 'markdown' ? parseMarkdown(read.text) : parsePlain(read.text, format === 'rst');
    return { ...base, encoding: read.encoding, truncated: read.truncated, ...analyseDoc(doc) };
  },
});
