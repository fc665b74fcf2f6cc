import type { FileCode } from './code-index.js';
import type { SignalsFacts } from './types.js';

/** Import name → [library as people call it, role]. Standard library and tiny helpers are left out. */
export const STACK_ROLES: Record<string, [string, string]> = {
  pandas: ['pandas', 'data'],
  numpy: ['numpy', 'data'],
  polars: ['polars', 'data'],
  dask: ['dask', 'data'],
  pyspark: ['pyspark', 'data'],
  duckdb: ['duckdb', 'data'],
  pyarrow: ['pyarrow', 'data'],
  vaex: ['vaex', 'data'],
  modin: ['modin', 'data'],
  scipy: ['scipy', 'stats'],
  statsmodels: ['statsmodels', 'stats'],
  pymc: ['pymc', 'stats'],
  pymc3: ['pymc3', 'stats'],
  sklearn: ['scikit-learn', 'ml'],
  xgboost: ['xgboost', 'ml'],
  lightgbm: ['lightgbm', 'ml'],
  catboost: ['catboost', 'ml'],
  imblearn: ['imbalanced-learn', 'ml'],
  optuna: ['optuna', 'ml'],
  shap: ['shap', 'ml'],
  prophet: ['prophet', 'time-series'],
  pmdarima: ['pmdarima', 'time-series'],
  sktime: ['sktime', 'time-series'],
  darts: ['darts', 'time-series'],
  torch: ['pytorch', 'dl'],
  tensorflow: ['tensorflow', 'dl'],
  keras: ['keras', 'dl'],
  jax: ['jax', 'dl'],
  flax: ['flax', 'dl'],
  pytorch_lightning: ['lightning', 'dl'],
  lightning: ['lightning', 'dl'],
  transformers: ['transformers', 'nlp'],
  sentence_transformers: ['sentence-transformers', 'nlp'],
  spacy: ['spacy', 'nlp'],
  nltk: ['nltk', 'nlp'],
  gensim: ['gensim', 'nlp'],
  textblob: ['textblob', 'nlp'],
  tokenizers: ['tokenizers', 'nlp'],
  datasets: ['datasets', 'nlp'],
  cv2: ['opencv', 'cv'],
  PIL: ['pillow', 'cv'],
  skimage: ['scikit-image', 'cv'],
  torchvision: ['torchvision', 'cv'],
  timm: ['timm', 'cv'],
  ultralytics: ['ultralytics', 'cv'],
  albumentations: ['albumentations', 'cv'],
  librosa: ['librosa', 'audio'],
  torchaudio: ['torchaudio', 'audio'],
  soundfile: ['soundfile', 'audio'],
  pydub: ['pydub', 'audio'],
  matplotlib: ['matplotlib', 'viz'],
  seaborn: ['seaborn', 'viz'],
  plotly: ['plotly', 'viz'],
  altair: ['altair', 'viz'],
  bokeh: ['bokeh', 'viz'],
  folium: ['folium', 'viz'],
  wordcloud: ['wordcloud', 'viz'],
  geopandas: ['geopandas', 'geo'],
  shapely: ['shapely', 'geo'],
  networkx: ['networkx', 'graph'],
  streamlit: ['streamlit', 'app'],
  flask: ['flask', 'app'],
  fastapi: ['fastapi', 'app'],
  dash: ['dash', 'app'],
  gradio: ['gradio', 'app'],
  django: ['django', 'app'],
  panel: ['panel', 'app'],
  airflow: ['airflow', 'orchestration'],
  prefect: ['prefect', 'orchestration'],
  dagster: ['dagster', 'orchestration'],
  dvc: ['dvc', 'orchestration'],
  mlflow: ['mlflow', 'orchestration'],
  wandb: ['wandb', 'orchestration'],
  kedro: ['kedro', 'orchestration'],
  zenml: ['zenml', 'orchestration'],
  great_expectations: ['great-expectations', 'orchestration'],
  openai: ['openai', 'llm'],
  anthropic: ['anthropic', 'llm'],
  langchain: ['langchain', 'llm'],
  llama_index: ['llama-index', 'llm'],
  requests: ['requests', 'collection'],
  httpx: ['httpx', 'collection'],
  bs4: ['beautifulsoup4', 'collection'],
  scrapy: ['scrapy', 'collection'],
  selenium: ['selenium', 'collection'],
  playwright: ['playwright', 'collection'],
  sqlalchemy: ['sqlalchemy', 'database'],
  psycopg2: ['psycopg2', 'database'],
  pymongo: ['pymongo', 'database'],
};

/** Libraries of the stack by role, with how many of the candidate's files import each. */
export function findStack(files: Iterable<FileCode>): SignalsFacts['stack'] {
  const counts = new Map<string, { library: string; role: string; files: number }>();
  for (const code of files) {
    const here = new Set<string>();
    for (const imp of code.imports) {
      const known = STACK_ROLES[imp.top];
      if (known) here.add(imp.top);
    }
    for (const top of here) {
      const [library, role] = STACK_ROLES[top]!;
      const entry = counts.get(library) ?? { library, role, files: 0 };
      entry.files += 1;
      counts.set(library, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.files - a.files || a.library.localeCompare(b.library));
}
