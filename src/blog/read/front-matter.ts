import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  meta: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
  /** Lines taken by the front matter, to add to line numbers counted in `body`. */
  lineOffset: number;
  /** Why the front matter could not be parsed; the body is still read. */
  error: string | null;
}

const YAML_BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const TOML_BLOCK = /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/;

/** Pelican / MultiMarkdown metadata: `Title: …` lines at the top, up to the first blank line. */
const KEY_VALUE_BLOCK =
  /^((?:title|date|author|authors|tags|category|slug|summary|modified|status):[^\n]*\n(?:[A-Za-z][\w -]*:[^\n]*\n)*)(?:\s*\n|$)/i;

function keyValueMeta(block: string): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z][\w -]*):\s*(.*)$/.exec(line);
    if (m) meta[m[1]!.trim().toLowerCase()] = m[2]!.trim();
  }
  return meta;
}

/** Splits Jekyll/Quarto YAML (`---`), Hugo TOML (`+++`) or Pelican `Key: value` front matter from the body. */
export function splitFrontMatter(text: string): FrontMatter {
  const yaml = YAML_BLOCK.exec(text);
  const toml = yaml ? null : TOML_BLOCK.exec(text);
  const match = yaml ?? toml;
  if (!match) {
    const kv = KEY_VALUE_BLOCK.exec(text);
    if (!kv) return { meta: {}, body: text, lineOffset: 0, error: null };
    const lineOffset = kv[0].split('\n').length - 1;
    return { meta: keyValueMeta(kv[1]!), body: text.slice(kv[0].length), lineOffset, error: null };
  }
  const lineOffset = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  const body = text.slice(match[0].length);
  try {
    const parsed: unknown = yaml ? parseYaml(match[1]!, { maxAliasCount: 50 }) : parseToml(match[1]!);
    const meta = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    return { meta: meta as Record<string, unknown>, body, lineOffset, error: null };
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { meta: {}, body, lineOffset, error: `front matter could not be parsed: ${why}` };
  }
}

export function metaString(meta: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = meta[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    if (value !== null && typeof value === 'object' && 'name' in value) {
      const name = (value as { name: unknown }).name;
      if (typeof name === 'string') return name;
    }
  }
  return null;
}

export function metaList(meta: Record<string, unknown>, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const value = meta[key];
    if (typeof value === 'string') out.push(...value.split(/[,\s]+/).filter((v) => v !== ''));
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(v);
  }
  return out;
}
