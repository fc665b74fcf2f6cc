import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time it is used, through its CommonJS build: synchronous, so a
 * function that may need it stays synchronous, and one file where the ESM build is many (each
 * file of an ES module graph costs a resolve, a read and a compile at start-up). The audit's
 * common path then pays only for the packages a repository needs: no YAML parser without a CI
 * file or config, no TOML parser without a pyproject.toml (docs/adr/0018-start-up.md).
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}

/** The `yaml` package, loaded on first use. */
export const yamlModule = lazyRequire<typeof import('yaml')>('yaml');
const smolToml = lazyRequire<typeof import('smol-toml')>('smol-toml');

/** `yaml`'s `parse`, loading the package on first use. */
export function parseYaml(text: string): unknown {
  return yamlModule().parse(text);
}

/** `smol-toml`'s `parse`, loading the package on first use. */
export function parseToml(text: string): Record<string, unknown> {
  return smolToml().parse(text) as Record<string, unknown>;
}
