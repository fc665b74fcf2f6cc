import { createRequire } from 'node:module';
import type { Parser } from 'web-tree-sitter';

let ready: Promise<Parser> | null = null;

/**
 * One Python parser per process: loading the wasm runtime and grammar costs ~10 ms, parsing a
 * file far less, so it is done once and reused (collectors run one file at a time). The runtime is
 * imported here, on first use, so a repository without Python never loads it.
 */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })().catch((err: unknown) => {
    ready = null;
    throw err;
  });
  return ready;
}
