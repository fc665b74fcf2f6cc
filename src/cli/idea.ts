import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { UnherdError } from '../errors.js';
import { decodeText } from '../source/text-decoding.js';
import type { CliIo } from './main.js';

const IDEA_FORMATS = ['terminal', 'json', 'markdown'] as const;
/** An idea is a paragraph; a file much bigger than this is not one. */
const MAX_IDEA_BYTES = 64 * 1024;

interface IdeaFlags {
  file?: string;
  format: (typeof IDEA_FORMATS)[number];
  output?: string;
  catalogue?: string[];
  color: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function readIdeaFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnherdError(
      'USAGE',
      code === 'ENOENT' ? `${path} does not exist` : `could not read ${path}: ${code ?? err}`,
    );
  }
  if (bytes.length > MAX_IDEA_BYTES)
    throw new UnherdError('USAGE', `${path} is larger than 64 KB: an idea is a paragraph or a page`);
  const decoded = decodeText(bytes);
  if (decoded.encoding === 'binary') throw new UnherdError('USAGE', `${path} is a binary file, not an idea`);
  // Markdown headings and front matter are not part of the idea's words.
  return decoded.text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^#+\s*/gm, '');
}

/** `unherd idea "<paragraph>"` or `--file idea.md`: the idea rated before six weeks go into it. */
export function registerIdeaCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('idea')
    .description('rate a project idea before you start: originality, data, pretrained models, scope, user')
    .argument('[idea...]', 'the idea, one paragraph (quote it)')
    .option('--file <file>', 'read the idea from a file (text or Markdown)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(IDEA_FORMATS).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--catalogue <file>', 'extra herd catalogue file (repeatable), as for `herd`', collect)
    .option('--no-color', 'no colours (also honours NO_COLOR)')
    .action(async (words: string[], flags: IdeaFlags) => {
      if (words.length > 0 && flags.file !== undefined)
        throw new UnherdError('USAGE', 'give the idea as text or with --file, not both');
      const idea = flags.file !== undefined ? readIdeaFile(flags.file) : words.join(' ');
      if (idea.trim() === '')
        throw new UnherdError(
          'USAGE',
          'no idea to rate',
          'give it as a quoted paragraph or with --file idea.md',
        );
      const [{ rateIdea }, { renderIdea }] = await Promise.all([
        import('../idea/rate.js'),
        import('../idea/reporters.js'),
      ]);
      const report = rateIdea(idea, flags.catalogue ?? []);
      const color =
        flags.color &&
        flags.output === undefined &&
        flags.format === 'terminal' &&
        !io.env.NO_COLOR &&
        io.stdout.isTTY === true;
      const text = renderIdea(flags.format, report, color);
      if (flags.output !== undefined) writeFileSync(flags.output, text);
      else io.stdout.write(text);
      setExit(0);
    });
}
