import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

let ready: Promise<Parser> | null = null;

/**
 * One Python parser per process: loading the wasm runtime and grammar costs ~10 ms, parsing a
 * file far less, so it is done once and reused (collectors run one file at a time).
 */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
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
