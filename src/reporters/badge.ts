import { escapeHtml } from './html-escape.js';

/** A shields-style flat badge: "unherd | 72/100", coloured by score. Pure and deterministic. */

/** Colour by score band, the shields.io palette. */
export function badgeColor(score: number | null): string {
  if (score === null) return '#9f9f9f';
  if (score >= 80) return '#4c1';
  if (score >= 65) return '#97ca00';
  if (score >= 50) return '#dfb317';
  if (score >= 35) return '#fe7d37';
  return '#e05d44';
}

/** Approximate width of Verdana 11px text, which shields badges use. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[il1.:|' ]/.test(ch) ? 4 : /[mwMW%]/.test(ch) ? 10 : /[A-Z0-9]/.test(ch) ? 7.5 : 6.5;
  return Math.round(w);
}

export function renderBadge(score: number | null, label = 'unherd'): string {
  const value = score === null ? 'no score' : `${score}/100`;
  const lw = textWidth(label) + 12;
  const vw = textWidth(value) + 12;
  const width = lw + vw;
  const color = badgeColor(score);
  const l = escapeHtml(label);
  const v = escapeHtml(value);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${l}: ${v}"><title>${l}: ${v}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text><text x="${lw + vw / 2}" y="15" fill="#010101" fill-opacity=".3">${v}</text><text x="${lw + vw / 2}" y="14">${v}</text></g></svg>
`;
}
