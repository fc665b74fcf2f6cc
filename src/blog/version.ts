import { readFileSync } from 'node:fs';

/**
 * The package version, read the way the audit engine does it. Kept here so that a blog review
 * loads none of the audit engine (collectors, herd catalogue) it does not use.
 */
function readToolVersion(): string {
  // Both src/blog and dist/blog sit two levels below the package root.
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const BLOG_TOOL_VERSION = readToolVersion();
