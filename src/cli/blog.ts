import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { BLOG_FORMATS, type BlogFormat, renderBlog } from '../blog/reporters/index.js';
import { UnherdError } from '../errors.js';

interface ReviewFlags {
  format: BlogFormat;
  output?: string;
  color: boolean;
  failOn?: 'high' | 'medium' | 'low';
}

const RANK = { high: 3, medium: 2, low: 1 } as const;

function useColor(flags: ReviewFlags): boolean {
  if (!flags.color || flags.output !== undefined || flags.format !== 'terminal') return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return process.stdout.isTTY === true;
}

/**
 * `unherd blog review <post…>` and `unherd blog draft <repo>`. Output goes through the program's
 * configured writers, so tests and the main CLI see it the same way.
 */
export function registerBlogCommands(program: Command, setExit: (code: number) => void = () => {}): void {
  const blog = program.command('blog').description('review blog posts, or draft one from your own project');
  const out = () => program.configureOutput();

  blog
    .command('review')
    .description('review posts: Markdown, Quarto, saved HTML pages, notebooks, or a blog folder (offline)')
    .argument('<posts...>', 'post files or blog folders (Jekyll, Hugo, Quarto, Medium export)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(BLOG_FORMATS).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--no-color', 'no colours (also honours NO_COLOR)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([
        'high',
        'medium',
        'low',
      ]),
    )
    .action(async (posts: string[], flags: ReviewFlags) => {
      // Loaded on use: the prose models and HTML readers cost half a second that an audit should not pay.
      const { reviewBlog } = await import('../blog/review.js');
      const report = await reviewBlog(posts);
      const text = renderBlog(flags.format, report, {
        color: useColor(flags),
        width: process.stdout.columns || 100,
      });
      if (flags.output !== undefined) {
        writeFileSync(flags.output, text);
        out().writeErr?.(`unherd: wrote ${flags.format} blog review to ${flags.output}\n`);
      } else {
        out().writeOut?.(text);
      }
      if (report.posts.length > 0 && report.posts.every((p) => p.error !== null && !p.unsupported)) {
        throw new UnherdError('USAGE', 'no post could be reviewed', 'see the reasons above');
      }
      const threshold = flags.failOn ? RANK[flags.failOn] : null;
      const failing =
        threshold !== null &&
        report.posts.some((p) =>
          p.findings.some((f) => f.outcome === 'fail' && RANK[f.severity] >= threshold),
        );
      setExit(failing ? 1 : 0);
    });

  blog
    .command('draft')
    .description(
      'write a draft post (Markdown + assets/) from your own repository, without any language model',
    )
    .argument('<repo>', 'the project folder')
    .option('--out <dir>', 'where to write the draft', 'blog-draft')
    .action(async (repo: string, flags: { out: string }) => {
      const { draftPost } = await import('../blog/draft/draft.js');
      const result = await draftPost(repo, flags.out);
      out().writeOut?.(
        `unherd: wrote ${result.postPath} with ${result.figures} figure(s), ${result.excerpts} code excerpt(s), ${result.references} reference(s); social post in ${result.socialPath}\n`,
      );
      for (const note of result.notes) out().writeErr?.(`unherd: ${note}\n`);
    });
}
