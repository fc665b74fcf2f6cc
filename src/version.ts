import { readFileSync } from 'node:fs';

/**
 * The package version, read once from package.json. A module of its own so that commands which do
 * not audit (blog review) can name the version without loading the audit engine.
 */
function readToolVersion(): string {
  // Both src/ and dist/ sit one level below the package root.
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const TOOL_VERSION = readToolVersion();

/**
 * A hash of the built files, written by the build (scripts/copy-assets.mjs); empty when running from
 * sources. Stored results are keyed by it as well as by the version, so a rebuilt tool never serves
 * a result an older build computed under the same version number.
 */
function readBuildId(): string {
  try {
    const id = readFileSync(new URL('./build-id.txt', import.meta.url), 'utf8').trim();
    return /^[0-9a-f]{8,64}$/.test(id) ? id : '';
  } catch {
    return '';
  }
}

export const BUILD_ID = readBuildId();
