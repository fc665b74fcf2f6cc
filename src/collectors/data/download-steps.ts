import type { PyCall } from '../python/types.js';
import type { TreeFile } from '../tree/types.js';
import type { DownloadStep } from './types.js';

/** Calls that fetch a data set or file from somewhere else, whatever their arguments. */
const FETCH_CALLS: Record<string, string> = {
  'urllib.request.urlretrieve': 'urlretrieve',
  urlretrieve: 'urlretrieve',
  'request.urlretrieve': 'urlretrieve',
  'wget.download': 'wget.download',
  'gdown.download': 'gdown',
  'gdown.download_folder': 'gdown',
  'od.download': 'opendatasets',
  'opendatasets.download': 'opendatasets',
  'kagglehub.dataset_download': 'kagglehub',
  'kagglehub.competition_download': 'kagglehub',
  'kaggle.api.dataset_download_files': 'Kaggle API',
  'api.dataset_download_files': 'Kaggle API',
  'api.competition_download_files': 'Kaggle API',
  'tf.keras.utils.get_file': 'keras get_file',
  'keras.utils.get_file': 'keras get_file',
  get_file: 'keras get_file',
  load_dataset: 'Hugging Face datasets',
  'datasets.load_dataset': 'Hugging Face datasets',
  hf_hub_download: 'Hugging Face Hub',
  snapshot_download: 'Hugging Face Hub',
  'huggingface_hub.hf_hub_download': 'Hugging Face Hub',
  fetch_openml: 'OpenML',
  'sklearn.datasets.fetch_openml': 'OpenML',
  'dvc.api.open': 'DVC',
  'dvc.api.read': 'DVC',
};

/** HTTP calls count only when they fetch a literal URL. */
const HTTP_CALLS = new Set([
  'requests.get',
  'requests.request',
  'httpx.get',
  'urllib.request.urlopen',
  'urlopen',
  'request.urlopen',
  'session.get',
  's.get',
]);

export function downloadStepsFromCalls(calls: readonly PyCall[]): DownloadStep[] {
  const steps: DownloadStep[] = [];
  for (const call of calls) {
    let what = FETCH_CALLS[call.callee];
    if (!what && HTTP_CALLS.has(call.callee)) {
      const url = [...call.stringArgs, ...Object.values(call.stringKwargs)].find((v) =>
        /^https?:\/\//i.test(v),
      );
      if (url) what = `${call.callee} of a URL`;
    }
    if (!what) continue;
    const step: DownloadStep = { file: call.file, line: call.line, what };
    if (call.cell !== undefined) step.cell = call.cell;
    steps.push(step);
  }
  return steps;
}

/** Shell lines (Makefile, scripts, CI, notebooks' `!` lines) that fetch data. */
const SHELL_FETCH: readonly [RegExp, string][] = [
  [/\bkaggle\s+(datasets|competitions)\s+download\b/, 'kaggle download'],
  [/\b(wget|curl)\b[^\n]*\b(https?|ftp):\/\//, 'wget/curl of a URL'],
  [/\bgdown\b/, 'gdown'],
  [/\bdvc\s+(pull|get|import|import-url|fetch|repro)\b/, 'DVC'],
  [/\baws\s+s3\s+(cp|sync)\b/, 'aws s3 copy'],
  [/\bgsutil\s+(-m\s+)?(cp|rsync)\b/, 'gsutil copy'],
  [/\bhuggingface-cli\s+download\b/, 'Hugging Face download'],
  [/\bgit\s+lfs\s+pull\b/, 'git lfs pull'],
];

export function downloadStepsInText(text: string, file: string, cell?: number): DownloadStep[] {
  const steps: DownloadStep[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const [re, what] of SHELL_FETCH) {
      if (re.test(line)) {
        const step: DownloadStep = { file, line: i + 1, what };
        if (cell !== undefined) step.cell = cell;
        steps.push(step);
        break;
      }
    }
  }
  return steps;
}

/** Files whose text may hold shell download commands. */
export function isShellLike(file: TreeFile): boolean {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1).toLowerCase();
  return (
    base === 'makefile' ||
    base === 'justfile' ||
    base === 'snakefile' ||
    base === 'dockerfile' ||
    ['sh', 'bash', 'zsh', 'ps1', 'mk'].includes(file.ext) ||
    /^readme(\.|$)/.test(base)
  );
}

const SCRIPT_NAME = /^(download|fetch|get_data|get-data|getdata|make_dataset|scrape|pull_data)/i;

/** Steps visible from the tree alone: DVC files and scripts named for fetching data. */
export function downloadStepsFromTree(files: readonly TreeFile[]): DownloadStep[] {
  const steps: DownloadStep[] = [];
  for (const f of files) {
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    if (f.ext === 'dvc' || base === 'dvc.yaml' || base === 'dvc.lock' || f.path === '.dvc/config') {
      steps.push({ file: f.path, line: 1, what: 'DVC' });
    } else if (SCRIPT_NAME.test(base) && ['py', 'sh', 'ipynb', 'r', 'bash'].includes(f.ext)) {
      steps.push({ file: f.path, line: 1, what: `download script ${base}` });
    }
  }
  return steps;
}

/** Shell escapes in notebook code cells (`!kaggle …`, `%%bash`) that the Python parser blanks out. */
/** Shell lines (`!wget …`, `%%bash` cells) in notebook code cells that fetch data. */
export function downloadStepsInNotebookCells(
  cells: readonly { index: number; type: string; source: string }[],
  file: string,
): DownloadStep[] {
  const steps: DownloadStep[] = [];
  for (const cell of cells) {
    if (cell.type !== 'code') continue;
    const source = cell.source;
    const wholeCellShell = /^%%(bash|sh)/.test(source);
    const shell = source
      .split('\n')
      .map((l) => (wholeCellShell || /^\s*!|^\s*%%(bash|sh|script)/.test(l) ? l : ''))
      .join('\n');
    steps.push(...downloadStepsInText(shell, file, cell.index));
  }
  return steps;
}
