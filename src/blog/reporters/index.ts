import { BLOG_CHECKS } from '../checks/index.js';
import type { BlogReport } from '../review.js';
import { renderBlogHtml } from './html.js';
import { renderBlogJson } from './json.js';
import { renderBlogMarkdown } from './markdown.js';
import { renderBlogSarif } from './sarif.js';
import { renderBlogTerminal } from './terminal.js';

export const BLOG_FORMATS = ['terminal', 'json', 'markdown', 'html', 'sarif'] as const;
export type BlogFormat = (typeof BLOG_FORMATS)[number];

const ADVICE = new Map(BLOG_CHECKS.map((c) => [c.code, c.advice]));

export function renderBlog(
  format: BlogFormat,
  report: BlogReport,
  options: { color: boolean; width: number },
): string {
  switch (format) {
    case 'json':
      return renderBlogJson(report);
    case 'markdown':
      return renderBlogMarkdown(report, ADVICE);
    case 'html':
      return renderBlogHtml(report, ADVICE);
    case 'sarif':
      return renderBlogSarif(report, BLOG_CHECKS);
    default:
      return renderBlogTerminal(report, ADVICE, options);
  }
}
