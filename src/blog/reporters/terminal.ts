import { createColors } from 'picocolors';
import { formatEvidence } from '../../reporters/evidence.js';
import { MAX_EVIDENCE } from '../../reporters/shared.js';
import { scoreBar } from '../../reporters/terminal.js';
import { wrap } from '../../reporters/text.js';
import type { BlogReport } from '../review.js';
import { adviceFor, failures, postStatus } from './shared.js';

export interface BlogTerminalOptions {
  color: boolean;
  width: number;
}

export function renderBlogTerminal(
  report: BlogReport,
  advice: ReadonlyMap<string, string>,
  options: BlogTerminalOptions,
): string {
  const c = createColors(options.color);
  const width = Math.max(40, Math.min(options.width, 120));
  const out: string[] = [];
  for (const post of report.posts) {
    const head = post.facts?.title ? `${post.path} — ${post.facts.title}` : post.path;
    out.push(c.bold(head));
    if (post.error !== null) {
      out.push(`  ${post.unsupported ? c.yellow(postStatus(post)) : c.red(postStatus(post))}`, '');
      continue;
    }
    const f = post.facts!;
    out.push(
      `  ${c.bold(`${post.score ?? '–'}/100`)} ${scoreBar(post.score === null ? null : post.score / 10)}  ${f.words} words · ${f.readingMinutes} min · ${f.images} picture(s) · ${f.codeBlocks} code block(s)`,
    );
    for (const p of post.principles)
      out.push(`  ${p.title.padEnd(26)} ${p.score === null ? '  –' : p.score.toFixed(1).padStart(4)}`);
    for (const x of failures(post)) {
      const sev =
        x.severity === 'high'
          ? c.red(x.severity)
          : x.severity === 'medium'
            ? c.yellow(x.severity)
            : c.dim(x.severity);
      out.push(wrap(`${x.check} ${sev} ${x.message}`, width, '  ✗ ', '      '));
      for (const e of x.evidence.slice(0, MAX_EVIDENCE)) out.push(c.dim(`      ${formatEvidence(e)}`));
    }
    const todo = adviceFor(post, advice).slice(0, 3);
    if (todo.length > 0) {
      out.push(`  ${c.bold('Next:')}`);
      for (const a of todo) out.push(wrap(a, width, '   → ', '     '));
    }
    for (const p of post.problems) out.push(c.yellow(wrap(p, width, '  ! ', '    ')));
    out.push('');
  }
  const o = report.overview;
  if (o) {
    out.push(c.bold('The blog as a whole'));
    out.push(`  ${o.reviewed} of ${o.posts} post(s) reviewed; mean score ${o.meanScore ?? '–'}`);
    out.push(`  about own work: ${o.ownWorkPosts} · generic: ${o.genericPosts}`);
    out.push(
      `  posting: ${o.cadence.first ?? '–'} → ${o.cadence.last ?? '–'}, median gap ${o.cadence.medianGapDays ?? '–'} days`,
    );
    if (o.topics.length > 0)
      out.push(
        wrap(
          `topics: ${o.topics
            .slice(0, 10)
            .map((t) => `${t.topic} (${t.posts})`)
            .join(', ')}`,
          width,
          '  ',
          '    ',
        ),
      );
  }
  for (const n of report.notes) out.push(c.yellow(`! ${n}`));
  return `${out.join('\n').trimEnd()}\n`;
}
