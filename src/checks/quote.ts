/**
 * Text quoted in a message or summary, cut where a reader expects: at the end of the first
 * sentence when it fits, otherwise at the last whole word before `max`, marked with "…". Text that
 * arrives already cut (ending in "…", or `truncated`) loses its partial last word, so a quotation
 * never stops mid-word.
 */
export function clip(text: string, max = 180, truncated = false): string {
  let flat = text.replace(/\s+/g, ' ').trim();
  let cut = truncated;
  if (flat.endsWith('…')) {
    flat = flat.slice(0, -1).trimEnd();
    cut = true;
  }
  // A full stop, or a CJK full stop, which needs no space after it.
  const end = flat.search(/[.!?](\s|$)|[。！？]/);
  if (end >= 0 && end + 1 <= max) return flat.slice(0, end + 1);
  if (flat.length > max) {
    flat = flat.slice(0, max + 1);
    cut = true;
  }
  if (!cut) return flat;
  const space = flat.lastIndexOf(' ');
  const words = space > 0 ? flat.slice(0, space) : flat;
  return `${words.replace(/[\s,;:(–—-]+$/, '')}…`;
}
