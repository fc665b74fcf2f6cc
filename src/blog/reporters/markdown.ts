import { formatEvidence } from '../../reporters/evidence.js';
import { MAX_EVIDENCE } from '../../reporters/shared.js';
import type { BlogReport, PostReview } from '../review.js';
import { adviceFor, failures, postStatus } from './shared.js';

function esc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function renderPost(post: PostReview, advice: ReadonlyMap<string, string>): string[] {
  const title = post.facts?.title ? ` — ${esc(post.facts.title)}` : '';
  const out = [`## ${esc(post.path)}${title}`, '', `**${esc(postStatus(post))}**`, ''];
  if (post.error !== null) return out;
  const f = post.facts!;
  out.push(
    `${f.words} words, ${f.readingMinutes} min read, ${f.images} picture(s), ${f.codeBlocks} code block(s), ${f.links.ownWork} link(s) to own work.`,
    '',
  );
  if (post.principles.length > 0) {
    out.push('| principle | score | passed | failed |', '| --- | ---: | ---: | ---: |');
    for (const p of post.principles)
      out.push(
        `| ${esc(p.title)} | ${p.score === null ? '–' : p.score.toFixed(1)} | ${p.passed} | ${p.failed} |`,
      );
    out.push('');
  }
  const fails = failures(post);
  if (fails.length > 0) {
    out.push('### Findings', '');
    for (const x of fails) {
      out.push(`- **${x.check}** (${x.severity}): ${esc(x.message)}`);
      for (const e of x.evidence.slice(0, MAX_EVIDENCE))
        out.push(`  - \`${formatEvidence(e).replace(/`/g, "'")}\``);
    }
    out.push('');
  }
  const todo = adviceFor(post, advice);
  if (todo.length > 0) out.push('### Next steps', '', ...todo.map((a, i) => `${i + 1}. ${esc(a)}`), '');
  for (const p of post.problems) out.push(`> ${esc(p)}`);
  return out;
}

export function renderBlogMarkdown(report: BlogReport, advice: ReadonlyMap<string, string>): string {
  const out = ['# Blog review', ''];
  const o = report.overview;
  if (o) {
    out.push(
      `${o.posts} post(s): ${o.reviewed} reviewed, ${o.notReviewed} not reviewed; mean score ${o.meanScore ?? '–'}.`,
      `About the author's own work: ${o.ownWorkPosts}; generic: ${o.genericPosts}.`,
      `Cadence: ${o.cadence.dated} dated post(s) from ${o.cadence.first ?? '–'} to ${o.cadence.last ?? '–'}; median gap ${o.cadence.medianGapDays ?? '–'} days.`,
      `Topics: ${o.topics.map((t) => `${esc(t.topic)} (${t.posts})`).join(', ') || '–'}.`,
      '',
    );
  }
  for (const n of report.notes) out.push(`> ${esc(n)}`, '');
  for (const post of report.posts) out.push(...renderPost(post, advice), '');
  return `${out.join('\n').trimEnd()}\n`;
}
