import { escapeHtml as esc } from '../../reporters/html-escape.js';
import { findingItem, htmlPage, scorePill } from '../../reporters/html-page.js';
import { principleChart, splitBar, timelineChart } from '../../reporters/svg.js';
import type { BlogOverview, BlogReport, PostReview } from '../review.js';
import { aboutOwnWork, adviceFor, failures, postStatus } from './shared.js';

/**
 * A blog review as one self-contained HTML page, on the same shell, styles and charts as the
 * audit's. Every string that comes from a post (titles, paths, messages, tags) is escaped.
 */

function postTitle(post: PostReview): string {
  return post.facts?.title ?? post.path;
}

function aboutText(post: PostReview): string {
  const own = aboutOwnWork(post);
  return own === null ? '–' : own ? 'own work' : 'generic';
}

function factsLine(post: PostReview): string {
  const f = post.facts;
  if (!f) return '';
  const date = f.date ? `${esc(f.date)} · ` : '';
  const grade = f.grade === null ? '' : ` · reading grade ${f.grade}`;
  return `<p class="muted">${date}${f.words} words · ${f.readingMinutes} min read · ${f.images} picture(s) · ${f.codeBlocks} code block(s) · ${f.links.ownWork} link(s) to own work${grade}</p>`;
}

function renderPost(post: PostReview, index: number, advice: ReadonlyMap<string, string>): string {
  const out = [
    `<section class="repo" id="post-${index + 1}">`,
    `<h2>${esc(postTitle(post))} ${post.error === null ? scorePill(post.score) : ''}</h2>`,
    `<p class="muted"><code>${esc(post.path)}</code></p>`,
  ];
  if (post.error !== null) {
    const cls = post.unsupported ? 'muted' : 'error';
    out.push(`<p class="${cls}"><strong>${esc(postStatus(post))}</strong></p></section>`);
    return out.join('\n');
  }
  out.push(factsLine(post));
  if (post.principles.length > 0) out.push('<h3>Principles</h3>', principleChart(post.principles));
  const fails = failures(post);
  if (fails.length > 0) {
    out.push('<h3>Findings</h3><ul class="findings">', ...fails.map(findingItem), '</ul>');
  }
  const todo = adviceFor(post, advice);
  if (todo.length > 0)
    out.push(`<h3>Next steps</h3><ol>${todo.map((a) => `<li>${esc(a)}</li>`).join('')}</ol>`);
  if (post.problems.length > 0)
    out.push(
      `<h3>Could not read everything</h3><ul class="muted">${post.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`,
    );
  out.push('</section>');
  return out.join('\n');
}

function postsTable(report: BlogReport): string {
  const rows = report.posts.map((post, i) => {
    const title = postTitle(post);
    const date = post.facts?.date ?? '';
    const findings = post.error === null ? failures(post).length : -1;
    return [
      '<tr>',
      `<td data-value="${esc(title.toLowerCase())}"><a href="#post-${i + 1}">${esc(title)}</a></td>`,
      `<td class="nowrap" data-value="${esc(date)}">${esc(date) || '–'}</td>`,
      `<td class="num" data-value="${post.score ?? -1}">${post.score ?? '–'}</td>`,
      `<td data-value="${aboutText(post)}">${post.error === null ? aboutText(post) : esc(postStatus(post))}</td>`,
      `<td class="num" data-value="${findings}">${findings < 0 ? '–' : findings}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<h3>Posts</h3>',
    '<p class="muted">In the order given; click a column heading to sort.</p>',
    '<table class="sortable"><thead><tr><th data-sort="text">post</th><th data-sort="text">date</th><th class="num" data-sort="number">score</th><th data-sort="text">about</th><th class="num" data-sort="number">findings</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function overviewSection(report: BlogReport, o: BlogOverview): string {
  const out = [
    '<section id="overview"><h2>The blog as a whole</h2>',
    `<p>${o.posts} post(s): ${o.reviewed} reviewed, ${o.notReviewed} not reviewed; mean score ${o.meanScore ?? '–'}.</p>`,
    '<h3>Own work or generic</h3>',
    splitBar({ label: 'about own work', count: o.ownWorkPosts }, { label: 'generic', count: o.genericPosts }),
    '<h3>Topics</h3>',
  ];
  if (o.topics.length === 0) out.push('<p class="muted">No tags or recognised topics.</p>');
  else out.push(`<p>${o.topics.map((t) => `<code>${esc(t.topic)}</code> ${t.posts}`).join(' · ')}</p>`);
  out.push('<h3>Cadence</h3>');
  const c = o.cadence;
  if (c.dated === 0) out.push('<p class="muted">No post carries a date.</p>');
  else {
    const gap = c.medianGapDays === null ? '' : `; median gap between posts ${c.medianGapDays} days`;
    out.push(
      `<p>${c.dated} dated post(s) from ${esc(c.first ?? '–')} to ${esc(c.last ?? '–')}${gap}.</p>`,
      timelineChart(
        c.perMonth.map((m) => ({ month: m.month, count: m.posts })),
        'posts',
      ),
    );
  }
  out.push(postsTable(report), '</section>');
  return out.join('\n');
}

export function renderBlogHtml(report: BlogReport, advice: ReadonlyMap<string, string>): string {
  const reviewed = report.posts.filter((p) => p.error === null).length;
  const body = [
    '<h1>unherd blog review</h1>',
    `<p class="muted">${report.posts.length} post(s), ${reviewed} reviewed</p>`,
  ];
  for (const note of report.notes) body.push(`<p class="error">${esc(note)}</p>`);
  if (report.posts.length === 0) body.push('<p>No posts were reviewed.</p>');
  if (report.overview) body.push(overviewSection(report, report.overview));
  for (const [i, post] of report.posts.entries()) body.push(renderPost(post, i, advice));
  body.push(
    `<footer>unherd ${esc(report.tool.version)}, blog report schema ${esc(report.schemaVersion)}</footer>`,
  );
  const only = report.posts.length === 1 && report.posts[0] ? ` – ${esc(postTitle(report.posts[0]))}` : '';
  return htmlPage({ title: `unherd blog review${only}`, body, sortable: report.overview !== null });
}
