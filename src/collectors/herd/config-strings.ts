import type { RepoFiles } from '../../source/repo-files.js';
import type { TreeFile } from '../tree/types.js';

/**
 * Values of a project's own configuration files (YAML, TOML, JSON, INI) that name data: a loader
 * driven by `config.yaml` (`train_csv: data/train.csv`, `raw_file: data/raw/gc/german.data`) reads
 * the stock data set as surely as a `read_csv` with the name in the code. Read as lines, never
 * evaluated; a Kaggle competition or data set given under a `kaggle` key is kept as
 * `kaggle competition: <slug>` so that the matcher reads it as a Kaggle reference.
 */
export interface ConfigString {
  value: string;
  file: string;
  line: number;
}

const CONFIG_EXT = new Set(['yml', 'yaml', 'toml', 'json', 'cfg', 'ini']);
const MAX_FILES = 200;
const MAX_FILE_BYTES = 64 * 1024;
const MAX_STRINGS = 5_000;
/** Package manifests, lock files and editor settings name packages, not data. */
const NOT_CONFIG =
  /(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|composer\.json|[^/]*\.lock|\.vscode\/[^/]*|\.devcontainer\/[^/]*|\.pre-commit-config\.ya?ml|renv\.lock|\.?eslintrc[^/]*|biome\.json|pyrightconfig\.json|\.ipynb_checkpoints\/[^/]*)$/i;
const PATHISH =
  /[/\\]|\.(csv|tsv|txt|xlsx?|json|jsonl|rds|rda|rdata|parquet|feather|sav|dta|zip|gz|tgz|db|sqlite|data|dat|npz|npy|pkl|pickle|h5|hdf5|mat|arff|xls|bak)$|^https?:\/\//i;
/** JSON is mostly data: only files named or placed as configuration are read. */
const CONFIG_JSON =
  /(^|\/)(configs?|conf|settings|params)\/[^/]*\.json$|(^|\/)[^/]*(config|settings|params|parameters|hparams|experiment|datasets?)[^/]*\.json$/i;
const QUOTED = /"([^"\n]{1,300})"|'([^'\n]{1,300})'/g;
/** `key: value`, `key = value`, `- value` with the value unquoted. */
const BARE_VALUE = /^\s*(?:-\s+|[\w.-]+\s*[:=]\s*)([^\s"'#{[][^#\n]*?)\s*(?:#.*)?$/;
const KEY = /^(\s*)(?:-\s+)?["']?([\w.-]+)["']?\s*[:=]\s*(.*)$/;
const KAGGLE_KEY = /^(competition|competition_name|competition_slug|dataset|dataset_slug|slug)$/i;

export async function scanConfigStrings(
  files: RepoFiles,
  tree: readonly TreeFile[],
): Promise<ConfigString[]> {
  const out: ConfigString[] = [];
  const wanted = tree
    .filter((f) => CONFIG_EXT.has(f.ext) && f.size <= MAX_FILE_BYTES && !NOT_CONFIG.test(f.path))
    .filter((f) => f.ext !== 'json' || CONFIG_JSON.test(f.path))
    .slice(0, MAX_FILES);
  for (const f of wanted) {
    const text = await files.readTextOrNull(f.path, MAX_FILE_BYTES);
    if (text === null) continue;
    scanText(text, f.path, out);
    if (out.length >= MAX_STRINGS) break;
  }
  return out;
}

function push(out: ConfigString[], value: string, file: string, line: number): void {
  if (out.length < MAX_STRINGS) out.push({ value, file, line });
}

/** Exported for tests: the strings one configuration file yields. */
export function scanText(text: string, file: string, out: ConfigString[] = []): ConfigString[] {
  const lines = text.split('\n');
  /** Open keys by indentation, for `kaggle:` blocks in YAML and `[kaggle]` sections in TOML/INI. */
  const open: { indent: number; key: string }[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.slice(0, 2_000);
    if (/^\s*(#|;|\/\/)/.test(raw) || raw.trim() === '') continue;
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (sec) {
      section = sec[1]!.toLowerCase();
      continue;
    }
    const seen = new Set<string>();
    for (const m of raw.matchAll(QUOTED)) {
      const v = m[1] ?? m[2] ?? '';
      seen.add(v);
      if (PATHISH.test(v)) push(out, v, file, i + 1);
    }
    const bare = BARE_VALUE.exec(raw)?.[1];
    if (bare && !seen.has(bare) && PATHISH.test(bare)) push(out, bare, file, i + 1);

    const key = KEY.exec(raw);
    if (!key) continue;
    const indent = key[1]!.length;
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    const name = key[2]!;
    const value = key[3]!
      .replace(/#.*$/, '')
      .trim()
      .replace(/^["']|["'],?$/g, '');
    const underKaggle = /kaggle/i.test(section) || open.some((o) => /kaggle/i.test(o.key));
    if (value === '' || value === '{') open.push({ indent, key: name });
    else if (
      /^[\w.-]+(\/[\w.-]+)?$/.test(value) &&
      ((underKaggle && KAGGLE_KEY.test(name)) || /^kaggle[_-]?(competition|dataset)/i.test(name))
    ) {
      const kind = /dataset/i.test(name) || value.includes('/') ? 'dataset' : 'competition';
      push(out, `kaggle ${kind}: ${value}`, file, i + 1);
    }
  }
  return out;
}
