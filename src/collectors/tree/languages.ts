/**
 * Documents that mix code with prose or markup count only their code, in the code's language:
 * R Markdown and Quarto by their executable chunks (```{r}, ```{python} …), Vue and Svelte
 * single-file components by their `<script>` parts (TypeScript when `lang="ts"`), not their template.
 */

/** Extensions whose files are read to count their code parts. */
export const MIXED_DOCUMENT = new Set(['rmd', 'qmd', 'vue', 'svelte']);

const CHUNK_LANGUAGE: Record<string, string> = {
  r: 'R',
  python: 'Python',
  sql: 'SQL',
  bash: 'Shell',
  sh: 'Shell',
  julia: 'Julia',
  stata: 'Stata',
  ojs: 'JavaScript',
  js: 'JavaScript',
};

/** Bytes of code per language in a mixed document. */
export function codeParts(text: string, ext: string): Record<string, number> {
  return ext === 'vue' || ext === 'svelte' ? scriptParts(text) : chunkParts(text);
}

function add(out: Record<string, number>, language: string, text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > 0) out[language] = (out[language] ?? 0) + bytes;
}

function chunkParts(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  let language: string | null = null;
  let inChunk = false;
  let fence = '';
  let body = '';
  for (const line of text.split('\n')) {
    if (!inChunk) {
      const open = /^\s*(`{3,}|~{3,})\s*\{\s*([A-Za-z]+)/.exec(line);
      if (open) {
        inChunk = true;
        fence = open[1]!;
        language = CHUNK_LANGUAGE[open[2]!.toLowerCase()] ?? null;
        body = '';
      }
      continue;
    }
    if (line.trim().startsWith(fence[0]!.repeat(3)) && /^\s*(`{3,}|~{3,})\s*$/.test(line)) {
      if (language) add(out, language, body);
      inChunk = false;
      continue;
    }
    body += `${line}\n`;
  }
  return out;
}

function scriptParts(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const typescript = /\blang\s*=\s*["']?(ts|typescript)\b/i.test(m[1] ?? '');
    add(out, typescript ? 'TypeScript' : 'JavaScript', m[2] ?? '');
  }
  return out;
}
