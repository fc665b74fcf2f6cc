export interface SignalEvidence {
  file: string;
  line: number;
  cell?: number;
}

export interface SignalsFacts {
  /** Data-collection libraries used by the repo's own code (requests+bs4, scrapy, selenium, tweepy …). */
  collection: ({
    library: string;
    kind: 'scraping' | 'api' | 'sensor' | 'survey' | 'database';
  } & SignalEvidence)[];
  /** Provenance of data written down (README data section naming a source, a data-collection script). */
  provenance: ({ text: string } & SignalEvidence)[];
  /** arXiv ids, DOIs and paper URLs. */
  paperReferences: ({ id: string; kind: 'arxiv' | 'doi' | 'url' } & SignalEvidence)[];
  /** Phrases like "replication of", "reproducing", "we reproduce", with the line. */
  replicationPhrases: ({ text: string } & SignalEvidence)[];
  /** Pretrained-model use: from_pretrained, torchvision/timm weights, keras.applications, hub loads. */
  pretrainedModels: ({ name: string; via: string } & SignalEvidence)[];
  /** Libraries of the stack grouped by role, for the "new tools" view. */
  stack: { library: string; role: string; files: number }[];
  /** The cookie-cutter shape: pandas load → sklearn split → fit → accuracy/f1 in one notebook. */
  cookieCutterNotebooks: { file: string; steps: string[] }[];
  /** Unstructured data handled by the repo: image, audio, text, video. */
  unstructuredData: ({ modality: 'image' | 'audio' | 'text' | 'video' } & SignalEvidence)[];
}
