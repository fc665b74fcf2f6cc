/**
 * Line-level recognisers for what a README says (not how it is structured — that is the
 * parsers' job): run commands, metrics stated as results, baseline mentions, template leftovers.
 */

/** Languages of code blocks that hold shell commands ('' = unlabelled). */
export const SHELL_LANGS = new Set([
  '',
  'bash',
  'sh',
  'shell',
  'console',
  'zsh',
  'shell-session',
  'shellsession',
  'terminal',
  'powershell',
  'ps1',
  'cmd',
  'bat',
  'batch',
  'text',
  'fish',
]);

const RUN_COMMAND = new RegExp(
  [
    String.raw`(pip3?|python3? -m pip|uv pip|conda|mamba|micromamba)\s+install\b`,
    String.raw`(conda|mamba|micromamba)\s+(env\s+(create|update)|create|activate)\b`,
    String.raw`python[\d.]*\s+(-m\s+[\w.]+|-u\s+\S+\.py|\S+\.py)\b`,
    String.raw`py\s+\S+\.py\b`,
    String.raw`make(\s+[\w.-]+)*\s*$`,
    String.raw`docker(-compose|\s+compose)?\s+(run|build|up|compose)\b`,
    String.raw`streamlit\s+run\b`,
    String.raw`(jupyter|ipython)\s+(notebook|lab|nbconvert|execute)\b`,
    String.raw`jupyter-lab\b`,
    String.raw`(uvicorn|gunicorn|hypercorn)\s+\S+`,
    String.raw`flask\s+run\b`,
    String.raw`(gradio|panel serve|voila|bokeh serve|shiny run)\b`,
    String.raw`dvc\s+(repro|pull|exp run)\b`,
    String.raw`(poetry|pipenv|pdm|hatch|rye)\s+(install|run|shell|sync)\b`,
    String.raw`uv\s+(sync|run)\b`,
    String.raw`(pytest|tox|nox)\b`,
    String.raw`(mlflow|kedro)\s+run\b`,
    String.raw`snakemake\b`,
    String.raw`nextflow\s+run\b`,
    String.raw`luigi\s+--module\b`,
    String.raw`papermill\s+\S+`,
    String.raw`(bash|sh|zsh)\s+\S+\.sh\b`,
    String.raw`\./\S+\.(sh|py)\b`,
    String.raw`Rscript\s+\S+`,
    String.raw`git\s+clone\s+\S+`,
    String.raw`(virtualenv|python[\d.]*\s+-m\s+venv)\b`,
    // Other stacks: R, Quarto, dbt, JavaScript front ends, infrastructure, orchestration, scrapers.
    String.raw`R\s+(-e|CMD)\b`,
    String.raw`(install\.packages|source|shiny::runApp|runApp|renv::(restore|init|install)|rmarkdown::render|quarto::quarto_render|targets::tar_make|tar_make|devtools::(install|load_all|test)|remotes::install_\w+|rsconnect::deployApp|golem::run_dev|run_app)\s*\(`,
    String.raw`quarto\s+(render|preview|publish)\b`,
    String.raw`dbt\s+(deps|seed|run|build|test|debug|docs)\b`,
    String.raw`(npm|pnpm)\s+(install|i|ci|run|start|test)\b`,
    String.raw`yarn(\s+(install|dev|start|build|test))?\s*$`,
    String.raw`node\s+\S+\.m?js\b`,
    String.raw`(kubectl|helm)\s+(apply|create|install|upgrade)\b`,
    String.raw`kind\s+create\b`,
    String.raw`terraform\s+(init|apply|plan)\b`,
    String.raw`(sam|serverless|sls)\s+(build|deploy)\b`,
    String.raw`airflow\s+(standalone|db|dags|webserver|scheduler|users)\b`,
    String.raw`astro\s+dev\s+(start|init)\b`,
    String.raw`scrapy\s+(crawl|runspider)\b`,
    String.raw`(prefect|dagster|kedro)\s+\w+`,
    String.raw`spark-submit\b`,
    String.raw`java\s+(-jar|-cp|-classpath)\b`,
    String.raw`(mvn|gradle)\s+\w+`,
    String.raw`invoke\s+\w+`,
    String.raw`(stata|stata-mp|stata-se)\s+(-b\s+)?do\b`,
    String.raw`(julia|matlab)\s+(-\w+\s+)*\S+\.(jl|m)\b`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'i',
);

/** Strips a shell prompt (`$ `, `> `, `% `, `(env) $ `, `PS C:\> `) from a command line. */
export function stripPrompt(line: string): string {
  return line
    .trim()
    .replace(/^\([\w.-]+\)\s*/, '')
    .replace(/^(PS [^>]*>|[$%>#]|[\w@.-]+[:~\w/-]*[$#])\s+/, '')
    .trim();
}

/** A line (or one `&&`/`;`-separated part of it) that runs or sets up the project. */
export function isRunCommand(line: string): boolean {
  return runCommandPart(line) !== null;
}

/** Wrappers in front of the real command: `sudo pip install …`, `nohup node server.js &`, `FOO=1 python x.py`. */
const WRAPPER = /^(?:(?:sudo|nohup|time|exec)\s+|[A-Z_][A-Z0-9_]*=\S*\s+)+/;

/**
 * R calls that do something only with an argument: written with empty parentheses they name the
 * function ("install the rest with `install.packages()`"), they do not run anything.
 */
const NAMED_ONLY =
  /^(install\.packages|source|(remotes|devtools)::install_\w+|rmarkdown::render|quarto::quarto_render)\s*\(\s*\)/;

/** The `&&`/`;`-separated part of a line that is a run command, wrappers dropped; null when none is. */
function runCommandPart(line: string): string | null {
  const command = stripPrompt(line);
  if (!command || command.length > 300) return null;
  for (const raw of command.split(/\s*(?:&&|;|\|\|)\s*/)) {
    const part = raw.replace(WRAPPER, '');
    if (RUN_COMMAND.test(part) && startsCommand(part) && !NAMED_ONLY.test(part)) return part;
  }
  return null;
}

/** Something only a command has: a flag, a path or file, an R call, an assignment or a subcommand. */
const COMMAND_SIGNAL =
  /\s--?[A-Za-z]|[/\\]|\.\w{1,5}(\s|$)|::|\(|=|\s(install|i|ci|run|start|build|up|clone|create|activate|sync|serve|render|crawl|runspider|test|dev|init|deps|seed|apply|exec|shell|repro|pull|preview|publish|standalone|compose|env|notebook|lab)\b/;

/**
 * A line of prose (a numbered step, a list item) that is a command of its own, not a sentence
 * about a tool: the command is written as typed (lower case: "Snakemake is a workflow manager"
 * names the tool), carries something only a command has (a flag, a file, a subcommand: "pytest"
 * alone in a list of tools is not an instruction), and is not a sentence ending in a full stop.
 * A shell prompt (`$ ./run.sh to tune …`) marks a command whatever follows it.
 */
export function isProseRunCommand(line: string): boolean {
  const text = line.trim();
  const part = runCommandPart(text);
  if (part === null) return false;
  if (/^(\$|>|%)\s/.test(text)) return true;
  if (/^[A-Z]/.test(part) && !/^(R|Rscript)\b/.test(part)) return false;
  if (!COMMAND_SIGNAL.test(` ${part}`)) return false;
  const words = text.split(/\s+/).length;
  return !(words >= 5 && /[.!?]$/.test(text));
}

/** The recogniser must match at the start of the command, not in the middle of a sentence. */
function startsCommand(part: string): boolean {
  const m = RUN_COMMAND.exec(part);
  return m !== null && m.index === 0;
}

const METRIC_NAMES = String.raw`(?:accuracy|acc|balanced accuracy|f1(?:[- ]score)?|f-?score|f-measure|precision|recall|sensitivity|specificity|rmse|rmsle|mae|mse|mape|smape|roc[- ]?auc|auc(?:-roc)?|auroc|pr[- ]?auc|r2|r²|r\^2|r-squared|adjusted r²|bleu|rouge(?:-[l\d])?|map@?\d*|ndcg(?:@\d+)?|iou|miou|dice|perplexity|log[- ]?loss|top-[15](?: accuracy)?|mcc|kappa|wer|cer|error rate)`;
const NUMBER = String.raw`[-+]?\d+(?:[.,]\d+)?\s*%?`;

const METRIC_THEN_NUMBER = new RegExp(
  String.raw`\b${METRIC_NAMES}\b[^.\d\n]{0,40}?(?:of|=|:|is|was|reached|achieved|at|~|≈|around|about)?\s*${NUMBER}`,
  'i',
);
const NUMBER_THEN_METRIC = new RegExp(String.raw`${NUMBER}\s*(?:\w+\s){0,2}\b${METRIC_NAMES}\b`, 'i');
const METRIC_HEADER = new RegExp(
  String.raw`^\s*(?:test |val(?:idation)? |cv |mean |avg |macro |weighted )?${METRIC_NAMES}\b`,
  'i',
);

/** A prose line that states a result: a metric name with a number. */
export function metricIn(line: string): string | null {
  const m = METRIC_THEN_NUMBER.exec(line) ?? NUMBER_THEN_METRIC.exec(line);
  return m ? m[0].trim() : null;
}

export function isMetricHeader(cell: string): boolean {
  return METRIC_HEADER.test(cell);
}

export function isNumberCell(cell: string): boolean {
  return /^\s*[-+]?\d+(?:[.,]\d+)?\s*%?\s*(?:±\s*\d+(?:[.,]\d+)?\s*%?)?\s*$/.test(cell.replace(/\*\*/g, ''));
}

const BASELINE =
  /\b(baselines?|benchmarks?|dummy (classifier|regressor|model)|majority[- ]class|naive (forecast|model|baseline|predictor|approach)|random (guess(ing)?|chance)|(persistence|seasonal naive) (model|forecast)|outperform(s|ed)?|compared (to|with|against) (a |the )?(simple|naive|linear|logistic|random|dummy|previous|existing|current))\b/i;

export function baselineIn(line: string): string | null {
  const m = BASELINE.exec(line);
  return m ? m[0] : null;
}

/** Phrases that only appear when a template was not filled in. Source: common README templates (PurpleBooth, cookiecutter-data-science, GitLab's default, makeareadme.com). */
const PLACEHOLDER_PHRASES = [
  'lorem ipsum',
  '{{cookiecutter.',
  '{{ cookiecutter.',
  'a short description of the project',
  'add your description here',
  'add a short description',
  'one paragraph of project description goes here',
  'describe your project here',
  'your project description',
  'project description goes here',
  'insert description here',
  'todo: write',
  'todo: add description',
  'to make it easy for you to get started with gitlab',
  'edit this readme',
  'replace this text',
  'your_username',
  'your-username',
  'choose a self-explaining name for your project',
];

/** Headings or whole lines that are a template's title left unchanged. */
const PLACEHOLDER_LINES =
  /^(project[ _-]?(title|name)|your project name|name of the project|title of the project|my project|project[ _-]?name here|repository name|\[project name\])$/i;

export function placeholderIn(line: string): string | null {
  const lower = line.toLowerCase();
  for (const phrase of PLACEHOLDER_PHRASES) if (lower.includes(phrase)) return phrase;
  const bare = line.replace(/[#*_`]/g, '').trim();
  return PLACEHOLDER_LINES.test(bare) ? bare : null;
}

/** Badges: images served by badge services or CI status endpoints. */
export function isBadge(src: string): boolean {
  return /shields\.io|badge(s|\.svg|\.png)?\b|badgen\.net|travis-ci|circleci\.com|codecov\.io|coveralls\.io|app\.codacy|sonarcloud|readthedocs\.org\/projects\/[^/]+\/badge|colab\.research\.google\.com\/assets\/colab-badge|mybinder\.org\/badge|deepnote|codeclimate|github\.com\/[^/]+\/[^/]+\/(actions\/)?workflows\/[^?]*\/badge/i.test(
    src,
  );
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu)?.length ?? 0;
}
