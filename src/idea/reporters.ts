import pc from 'picocolors';
import type { AspectRating, IdeaReport } from './types.js';

export const IDEA_FORMATS = ['terminal', 'json', 'markdown'] as const;
export type IdeaFormat = (typeof IDEA_FORMATS)[number];

const ASPECTS = ['originality', 'data', 'pretrained', 'scope', 'user'] as const;
const TITLES = {
  originality: 'Originality',
  data: 'Data',
  pretrained: 'Pretrained models',
  scope: 'Scope (six weeks)',
  user: 'Who would use it',
};

function aspectOf(report: IdeaReport, a: (typeof ASPECTS)[number]): AspectRating {
  return report[a];
}

export function renderIdeaTerminal(report: IdeaReport, color = false): string {
  const c = color ? pc : pc.createColors(false);
  const tone = { go: c.green, revise: c.yellow, rethink: c.red }[report.verdict];
  const out = [
    c.bold(`Idea: ${report.score}/100 — ${tone(report.verdict.toUpperCase())}`),
    c.dim(report.idea),
    '',
  ];
  for (const a of ASPECTS) {
    const r = aspectOf(report, a);
    out.push(`${c.bold(TITLES[a])} ${r.score}/${r.max}: ${r.explanation}`);
  }
  if (report.changes.length > 0) {
    out.push('', c.bold('The changes that would most improve it:'));
    for (const [i, ch] of report.changes.entries()) out.push(`${i + 1}. (+${ch.gain}) ${ch.advice}`);
  }
  out.push('', c.dim(report.method));
  return `${out.join('\n')}\n`;
}

export function renderIdeaMarkdown(report: IdeaReport): string {
  const md = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1');
  const out = [
    `# Idea: ${report.score}/100 — ${report.verdict}`,
    '',
    `> ${md(report.idea)}`,
    '',
    '| Aspect | Score | Why |',
    '|---|---|---|',
  ];
  for (const a of ASPECTS) {
    const r = aspectOf(report, a);
    out.push(`| ${TITLES[a]} | ${r.score}/${r.max} | ${md(r.explanation)} |`);
  }
  if (report.pretrained.tasks.length > 0) {
    out.push('', '## Pretrained models to start from', '');
    for (const t of report.pretrained.tasks)
      out.push(`- **${md(t.name)}** (“${md(t.text)}”): ${t.models.map((m) => `\`${m}\``).join(', ')}`);
  }
  if (report.changes.length > 0) {
    out.push('', '## The changes that would most improve it', '');
    for (const [i, ch] of report.changes.entries())
      out.push(`${i + 1}. **${ch.aspect}** (+${ch.gain}): ${md(ch.advice)}`);
  }
  out.push('', `_${md(report.method)}_`, '');
  return out.join('\n');
}

export function renderIdea(format: IdeaFormat, report: IdeaReport, color = false): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return renderIdeaMarkdown(report);
  return renderIdeaTerminal(report, color);
}
