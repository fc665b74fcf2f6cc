/**
 * Rebuilds the folder of real job ads that `npm run eval:ads` reads, from the public datasets the
 * labels name. The ads are not in the repository (public postings scraped by others, no licence to
 * redistribute): each label entry names its dataset as `owner/name:path#row=N`, and the SHA-256
 * (first 16 hex digits) of the posting text as published there.
 *
 *   node --import tsx scripts/rebuild-ads.ts --git <git dir of owner/name> --out <folder>
 *        [--labels test/fixtures/ads/eval/labels.yml] [--labels …holdout.yml]
 *
 * Bring the dataset's repository onto the machine first (a clone; `--git` is its git directory).
 * Row N is the N-th data row (0-based) of the CSV. The hash is of the `Description` field with
 * CRLF line ends made LF. LinkedIn rows hold the page's paragraphs as a Python list literal; they
 * are written one paragraph per line, as the page showed them. `form` decides the file:
 * - `text`: `<id>.txt`, the posting text;
 * - `jsonld`: `<id>.html`, a page whose schema.org `JobPosting` JSON-LD `description` is the
 *   posting as HTML (a `<p>` per line), among a menu, a "similar jobs" list and a footer;
 * - `jsonld-escaped`: the same with the description's HTML entity-escaped, as some boards publish it;
 * - `article`: `<id>.html`, the posting in an `<article>` among a menu, a cookie banner, a
 *   "similar jobs" sidebar and a footer, with no JSON-LD;
 * - `html`: the file named by `file` in the same repository (a saved page), written as is.
 * Exits 1 when a hash does not match (the dataset changed or the row is wrong).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';

interface LabelledAd {
  id: string;
  dataset: string;
  sha256: string;
  form: string;
  file?: string;
}

const args = process.argv.slice(2);
const values = (name: string) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
const gitDirs = values('--git');
const out = values('--out')[0];
const labelFiles = values('--labels');
if (gitDirs.length === 0 || !out) {
  console.error(
    'usage: node --import tsx scripts/rebuild-ads.ts --git <git dir> [--git …] --out <folder> [--labels file …]',
  );
  process.exit(2);
}
if (labelFiles.length === 0) labelFiles.push('test/fixtures/ads/eval/labels.yml');

const show = (path: string): string => {
  for (const gitDir of gitDirs) {
    try {
      return execFileSync('git', [`--git-dir=${gitDir}`, 'show', `HEAD:${path}`], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // not in this repository
    }
  }
  throw new Error(`${path} is in none of ${gitDirs.join(', ')}`);
};
const tables = new Map<string, Record<string, string>[]>();
const rowsOf = (path: string) => {
  let rows = tables.get(path);
  if (!rows) {
    rows = parseCsv(show(path), { columns: true, relax_quotes: true }) as Record<string, string>[];
    tables.set(path, rows);
  }
  return rows;
};

/** The paragraphs of a Python list literal of strings (`['About Us', "We're …"]`). */
function pythonList(text: string): string[] | null {
  const s = text.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return null;
  const items: string[] = [];
  let i = 1;
  while (i < s.length - 1) {
    const q = s[i];
    if (q === ' ' || q === ',') {
      i += 1;
      continue;
    }
    if (q !== "'" && q !== '"') return null;
    let item = '';
    i += 1;
    while (i < s.length && s[i] !== q) {
      if (s[i] === '\\') {
        const next = s[i + 1] ?? '';
        item +=
          next === 'n'
            ? '\n'
            : next === 't'
              ? '\t'
              : next === 'x'
                ? String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 4), 16))
                : next;
        i += next === 'x' ? 4 : 2;
        continue;
      }
      item += s[i];
      i += 1;
    }
    items.push(item);
    i += 1;
  }
  return items;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escapeHtml(l.trim())}</p>`)
    .join('');
const CHROME_TOP = `<header><nav><ul><li><a href="/">Home</a></li><li><a href="/jobs">Find jobs</a></li><li><a href="/companies">Company reviews</a></li><li><a href="/salaries">Salaries</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience and to show you relevant jobs. By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>`;
const SIMILAR = `<aside class="similar-jobs"><h2>Similar jobs</h2><ul><li><a href="/j/1">Senior Software Engineer, Payments</a> Requirements: 5+ years of Java, Kotlin and Go experience</li><li><a href="/j/2">Marketing Manager</a> Experience with HubSpot and Salesforce required</li><li><a href="/j/3">Frontend Developer</a> React, TypeScript and GraphQL</li></ul></aside>`;
const FOOTER = `<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li>Careers at our company: we are hiring engineers with Rust and Elixir experience</li></ul><p>© 2020 Job board. All rights reserved.</p></footer>`;

function page(form: string, text: string, title: string, company: string): string {
  const head = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - ${escapeHtml(company)}</title>`;
  if (form === 'article')
    return `${head}</head>\n<body>${CHROME_TOP}\n<main><article class="job-description"><h1>${escapeHtml(title)}</h1><p class="company">${escapeHtml(company)}</p>${paragraphs(text)}</article></main>\n${SIMILAR}\n${FOOTER}</body></html>\n`;
  const description = form === 'jsonld-escaped' ? escapeHtml(paragraphs(text)) : paragraphs(text);
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title,
    hiringOrganization: { '@type': 'Organization', name: company },
    description,
  };
  return `${head}\n<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script></head>\n<body>${CHROME_TOP}\n<div id="app"><h1>${escapeHtml(title)}</h1><div class="apply"><button>Apply now</button></div></div>\n${SIMILAR}\n${FOOTER}</body></html>\n`;
}

mkdirSync(out, { recursive: true });
let bad = 0;
let written = 0;
for (const labels of labelFiles) {
  for (const ad of (parse(readFileSync(labels, 'utf8')) as { ads: LabelledAd[] }).ads) {
    const [, rest] = ad.dataset.split(/:(.*)/s) as [string, string];
    const [path, rowText] = rest.split('#row=') as [string, string];
    let text: string;
    let title = '';
    let company = '';
    if (ad.form === 'html') {
      text = show(ad.file ?? path);
    } else {
      const row = rowsOf(path)[Number(rowText)];
      if (!row) {
        console.error(`${ad.id}: no row ${rowText} in ${path}`);
        bad += 1;
        continue;
      }
      text = (row.Description ?? row.description ?? row.job_description ?? '').replace(/\r\n?/g, '\n');
      title = row.Name ?? row['Job Title'] ?? row.title ?? 'Job';
      company = row.Company ?? row.company ?? '';
    }
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    if (hash !== ad.sha256) {
      console.error(`${ad.id}: sha256 ${hash} ≠ ${ad.sha256} (${ad.dataset})`);
      bad += 1;
      continue;
    }
    if (ad.form === 'html') {
      writeFileSync(join(out, `${ad.id}.html`), text);
    } else {
      const posting = (pythonList(text) ?? [text]).map((p) => p.trim()).join('\n');
      if (ad.form === 'text') writeFileSync(join(out, `${ad.id}.txt`), `${posting}\n`);
      else writeFileSync(join(out, `${ad.id}.html`), page(ad.form, posting, title, company));
    }
    written += 1;
  }
}
console.log(`${written} ads written to ${out}${bad ? `; ${bad} not` : ''}`);
process.exit(bad ? 1 : 0);
