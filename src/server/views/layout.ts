import { escapeHtml as esc } from '../../reporters/html-escape.js';
import { STYLE } from '../../reporters/html-page.js';
import { ROUTE_TITLES } from '../../scoring/route.js';

/**
 * The dashboard's page shell: the report's style sheet plus the dashboard's own, both in one style
 * element under the response's CSP nonce, and at most one small nonce'd script that only enhances
 * (every page reads and works with JavaScript off).
 */

const DASHBOARD_STYLE = `
main{max-width:1280px}
a{color:#0b57d0}a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px 10px;z-index:9}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
header.top{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:baseline;border-bottom:2px solid var(--line);padding:10px 24px}
header.top form{margin-left:auto}
table.cohort th[scope=row]{background:none;font-weight:400}table.cohort th[scope=row] a{font-weight:600}
header.top nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 12px;margin:0;padding:0}
header.top nav a[aria-current]{font-weight:700;color:var(--fg)}
.pill{display:inline-block;min-width:64px;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600;text-align:center}
.pill.good{background:#2e7d32}.pill.mid{background:#8a5300}.pill.bad{background:#c62828}.pill.none{background:#5f6b7a}
.charts{display:flex;flex-wrap:wrap;gap:8px 32px}.charts figure{margin:0}.charts figcaption{font-weight:600;margin:8px 0 4px}
form.filters{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:flex-end;background:var(--soft);padding:10px 12px;border-radius:6px}
form.filters .field{display:flex;flex-direction:column;font-size:13px}
form.filters .field.check{flex-direction:row;align-items:center;gap:6px;align-self:center}
input,select,button{font:inherit;padding:4px 6px;border:1px solid #8894a3;border-radius:4px;background:#fff;color:var(--fg)}
button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer}
button.link{background:none;color:#0b57d0;border:none;text-decoration:underline;padding:0}
table.cohort td{vertical-align:middle}
th a{color:var(--fg)}th[aria-sort] a::after{content:" ▾"}th[aria-sort=ascending] a::after{content:" ▴"}
.flags{margin:0;padding-left:16px;font-size:13px}
.pager{display:flex;gap:16px;align-items:center;margin:12px 0}
.actions{display:flex;flex-wrap:wrap;gap:16px;margin:8px 0}
.delta-up{color:#1b5e20}.delta-down{color:#b71c1c}
details.alt{font-size:13px}
.legend{font-size:13px;margin:0}.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px}.key.runs{background:#90caf9}.key.fresh{background:#1565c0}
`;

/** ≤1 KB: the filter form applies itself when a choice changes; the Apply button stays for keyboards. */
export const ENHANCE_SCRIPT = `document.querySelectorAll('form[data-autosubmit] select,form[data-autosubmit] input[type=checkbox]').forEach(function(el){el.addEventListener('change',function(){el.form.requestSubmit()})});`;

export interface PageOptions {
  /** Plain text; escaped here. */
  title: string;
  /** Already escaped HTML. */
  body: string[];
  nonce: string;
  /** Include the enhancement script. */
  script?: boolean;
  /** Navigation links shown at the top: already escaped HTML. */
  nav?: string;
}

export function page(p: PageOptions): string {
  const script = p.script ? `\n<script nonce="${p.nonce}">${ENHANCE_SCRIPT}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${esc(p.title)}</title>
<style nonce="${p.nonce}">${STYLE}${DASHBOARD_STYLE}</style>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top"><strong>unherd dashboard</strong>${p.nav ?? ''}<form method="post" action="/logout"><button class="link" type="submit">Sign out</button></form></header>
<main id="content">
${p.body.join('\n')}
</main>${script}
</body>
</html>
`;
}

/** The score as a coloured pill, by class (the CSP allows no style attribute). */
export function pill(score: number | null): string {
  if (score === null) return '<span class="pill none">no score</span>';
  const band = score >= 70 ? 'good' : score >= 40 ? 'mid' : 'bad';
  return `<span class="pill ${band}">${score}/100</span>`;
}

/** A route id as the reports name it ("its own data"); an id this version does not know, as words. */
export function routeTitle(id: string): string {
  return (ROUTE_TITLES as Record<string, string | undefined>)[id] ?? id.replace(/-/g, ' ');
}
