import type { QueueStatus } from '../../queue/status.js';
import { escapeHtml as esc } from '../../reporters/html-escape.js';

/**
 * The queue panel of the cohort page (a PostgreSQL store that distributed audits use): what
 * `unherd queue status` prints, as a table per cohort and the dead-letter list with reasons.
 * Every value from the queue (inputs, tags, reasons) is escaped.
 */
export function queuePanel(status: QueueStatus): string {
  const cells = (c: { queued: number; active: number; done: number; failed: number }) =>
    `<td>${c.queued}</td><td>${c.active}</td><td>${c.done}</td><td>${c.failed}</td>`;
  const rows = status.tags.map(
    (t) => `<tr><th scope="row">${t.tag === '' ? '(no tag)' : esc(t.tag)}</th>${cells(t)}</tr>`,
  );
  rows.push(`<tr><th scope="row">all</th>${cells(status)}</tr>`);
  const dead =
    status.deadLetter.length === 0
      ? '<p>Nothing could not be audited.</p>'
      : `<h3>Could not be audited (${status.deadLetter.length})</h3>
<ul class="dead-letter">${status.deadLetter
          .map(
            (d) =>
              `<li><code>${esc(d.input)}</code>${d.tag ? ` [${esc(d.tag)}]` : ''}: ${esc(d.reason)}</li>`,
          )
          .join('')}</ul>`;
  return `<section aria-labelledby="queue-h" class="queue">
<h2 id="queue-h">Queue</h2>
<table>
<caption class="sr-only">Audit jobs per cohort, by state</caption>
<thead><tr><th scope="col">cohort</th><th scope="col">queued</th><th scope="col">active</th><th scope="col">done</th><th scope="col">failed</th></tr></thead>
<tbody>${rows.join('')}</tbody>
</table>
${dead}
</section>`;
}
