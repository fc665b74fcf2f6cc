import { describeError } from '../../errors.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import { parseNotebook, unreadableNotebook } from './parse-notebook.js';
import type { Notebook, NotebooksFacts } from './types.js';

export default defineCollector({
  name: 'notebooks',
  needs: ['tree'],
  async collect({ files, limits, facts }): Promise<NotebooksFacts> {
    const notebooks: Notebook[] = [];
    for (const file of facts.tree.files) {
      if (file.kind !== 'notebook') continue;
      notebooks.push(await readNotebook(files, file.path, file.size, limits.maxNotebookBytes));
    }
    return { notebooks };
  },
});

async function readNotebook(
  files: RepoFiles,
  path: string,
  size: number,
  maxBytes: number,
): Promise<Notebook> {
  if (size > maxBytes) {
    return unreadableNotebook(path, size, `too large to read (${size} bytes; the limit is ${maxBytes})`);
  }
  try {
    const read = await files.readText(path, maxBytes);
    if (read.encoding === 'binary')
      return unreadableNotebook(path, read.size, 'binary content, not a notebook');
    if (read.truncated) {
      return unreadableNotebook(
        path,
        read.size,
        `too large to read (${read.size} bytes; the limit is ${maxBytes})`,
      );
    }
    return parseNotebook(path, read.text, read.size);
  } catch (err) {
    return unreadableNotebook(path, size, `could not be read: ${describeError(err)}`);
  }
}
