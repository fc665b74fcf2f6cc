export interface SignalEvidence {
  file: string;
  /**
   * 1-based line within the file or notebook cell. Absent when the evidence is a whole file or
   * folder (a collection script known by its name, a folder of images).
   */
  line?: number;
  cell?: number;
}

/** export: the author's own records exported from a service (Google Takeout, Apple Health, Strava, bank). */
export type CollectionKind = 'scraping' | 'api' | 'sensor' | 'survey' | 'database' | 'export';

export type Modality = 'image' | 'audio' | 'text' | 'video';

export interface SignalsFacts {
  /** Data-collection libraries used by the repo's own code (requests+bs4, scrapy, selenium, tweepy …). */
  collection: ({
    library: string;
    kind: CollectionKind;
  } & SignalEvidence)[];
  /** Provenance of data written down (README data section naming a source, a data-collection script). */
  provenance: ({
    text: string;
    /**
     * The candidate gathered the data themselves (scraped, surveyed, called an API, wrote a
     * collection script), as opposed to naming a download site such as Kaggle or UCI.
     */
    ownCollection: boolean;
  } & SignalEvidence)[];
  /**
   * Papers cited, de-duplicated by id (first place seen): arXiv ids, DOIs and paper URLs, and
   * papers named by authors and year (`citation:card-krueger-1994`) or by a quoted title with a
   * venue or year (`title:attention-is-all-you-need`).
   */
  paperReferences: ({ id: string; kind: 'arxiv' | 'doi' | 'url' | 'citation' } & SignalEvidence)[];
  /** Phrases like "replication of", "reproducing", "we reproduce", with the line. */
  replicationPhrases: ({ text: string } & SignalEvidence)[];
  /** Lines that set the candidate's numbers against a paper's reported ones ("paper: 0.91, ours: 0.89"). */
  paperComparisons: ({ text: string } & SignalEvidence)[];
  /** Pretrained-model use: from_pretrained, torchvision/timm weights, keras.applications, hub loads. */
  pretrainedModels: ({
    name: string;
    via: string;
    /** A hosted model reached over an API (OpenAI, Anthropic, Gemini) rather than weights run locally. */
    hosted: boolean;
  } & SignalEvidence)[];
  /** Libraries of the stack grouped by role, for the "new tools" view; most-used first. */
  stack: { library: string; role: string; files: number }[];
  /** The cookie-cutter shape: pandas load → sklearn split → fit → accuracy/f1 in one notebook. */
  cookieCutterNotebooks: {
    file: string;
    steps: string[];
    /** Cell of the first step found (0-based). */
    cell?: number;
  }[];
  /** Unstructured data handled by the repo: image, audio, text, video. */
  unstructuredData: ({ modality: Modality; via: string } & SignalEvidence)[];
  /** Files that could not be read for text scanning (README too odd to decode …); the rest goes on. */
  problems: { file: string; reason: string }[];
  /**
   * Models trained from scratch: the text says so, or deep-learning code trains with no pretrained
   * weights loaded anywhere. Null when neither.
   */
  trainsFromScratch?: ({ via: string } & SignalEvidence) | null;
  /** What the project builds when its output is a tool or a pipeline rather than a model. */
  tool?: {
    /** package: installable with importable modules; cli: a command; pipeline: an orchestrated pipeline; scraper: a scraper framework. */
    kinds: ('package' | 'cli' | 'pipeline' | 'scraper')[];
    /** setup.py / setup.cfg / pyproject.toml with importable modules, or an R package (DESCRIPTION). */
    package: boolean;
    /** Hand-written modules inside a Python package folder (with `__init__.py`), tests and examples left out. */
    importableModules: number;
    /** Console scripts, `__main__.py`, and main-guarded modules using click/typer/argparse/fire/docopt. */
    cliEntryPoints: string[];
    /** snakemake, airflow, dbt, prefect, kedro, dagster, luigi, nextflow, dvc, targets, mlflow … */
    pipelines: string[];
    /** A Scrapy project (scrapy.cfg or spiders/ modules importing scrapy). */
    scraperFramework: boolean;
    evidence: SignalEvidence[];
  };
  /** Rate limiting or politeness seen next to scraping (time.sleep, robots.txt parser, backoff). */
  politeness: ({ via: string } & SignalEvidence)[];
}
