import type { TreeFile } from '../tree/types.js';
import { at, calleeName, type FileCode } from './code-index.js';
import type { Modality, SignalsFacts } from './types.js';

type Unstructured = SignalsFacts['unstructuredData'][number];

const BY_MODULE: [string, Modality][] = [
  ['PIL', 'image'],
  ['cv2', 'image'],
  ['skimage', 'image'],
  ['imageio', 'image'],
  ['torchvision', 'image'],
  ['keras.applications', 'image'],
  ['tensorflow.keras.applications', 'image'],
  ['albumentations', 'image'],
  ['timm', 'image'],
  ['ultralytics', 'image'],
  ['librosa', 'audio'],
  ['torchaudio', 'audio'],
  ['soundfile', 'audio'],
  ['pydub', 'audio'],
  ['speech_recognition', 'audio'],
  ['whisper', 'audio'],
  ['nltk', 'text'],
  ['spacy', 'text'],
  ['gensim', 'text'],
  ['textblob', 'text'],
  ['tokenizers', 'text'],
  ['sentence_transformers', 'text'],
  ['sklearn.feature_extraction.text', 'text'],
  ['moviepy', 'video'],
  ['decord', 'video'],
  ['av', 'video'],
];

/** Calls that show the modality even when the module alone would not (a tokenizer, a video reader). */
const BY_CALL: Record<string, Modality> = {
  TfidfVectorizer: 'text',
  CountVectorizer: 'text',
  HashingVectorizer: 'text',
  word_tokenize: 'text',
  sent_tokenize: 'text',
  VideoCapture: 'video',
  ImageFolder: 'image',
  image_dataset_from_directory: 'image',
  flow_from_directory: 'image',
  load_img: 'image',
  imread: 'image',
};

/** Folders of figures and screenshots are documentation, not a data set of images. */
const DOC_FOLDER =
  /(^|\/)(docs?|assets?|img|imgs|images?\/readme|figures?|figs?|plots?|screenshots?|reports?|static|\.github)(\/|$)/i;
const AUDIO_EXT = new Set(['wav', 'mp3', 'flac', 'ogg', 'm4a']);
const VIDEO_EXT = new Set(['mp4', 'avi', 'mov', 'mkv', 'webm']);

export interface UnstructuredOptions {
  /** Media files under one folder that make it a data set rather than a few pictures. */
  minFilesInFolder: number;
}

export function findUnstructured(
  files: Iterable<FileCode>,
  tree: readonly TreeFile[],
  options: UnstructuredOptions = { minFilesInFolder: 20 },
): Unstructured[] {
  const out: Unstructured[] = [];
  for (const code of files) {
    const seen = new Set<Modality>();
    for (const [module, modality] of BY_MODULE) {
      if (seen.has(modality)) continue;
      const imp = code.imports.find((i) => i.module === module || i.module.startsWith(`${module}.`));
      if (imp) {
        seen.add(modality);
        out.push({ modality, via: module, ...at(imp) });
      }
    }
    for (const call of code.calls) {
      const modality =
        BY_CALL[calleeName(call.callee)] ?? (/Tokenizer\b/.test(call.callee) ? 'text' : undefined);
      if (!modality || seen.has(modality)) continue;
      seen.add(modality);
      out.push({ modality, via: call.callee, ...at(call) });
    }
  }
  const folders = new Map<string, { modality: Modality; count: number }>();
  for (const file of tree) {
    const modality: Modality | null =
      file.kind === 'image' && file.ext !== 'svg' && file.ext !== 'ico'
        ? 'image'
        : AUDIO_EXT.has(file.ext)
          ? 'audio'
          : VIDEO_EXT.has(file.ext)
            ? 'video'
            : null;
    if (!modality || DOC_FOLDER.test(file.path)) continue;
    const slash = file.path.lastIndexOf('/');
    const parts = slash === -1 ? '.' : file.path.slice(0, slash);
    // Class-per-folder layouts (data/train/cat/…) count towards the data folder above them.
    const top = parts.split('/').slice(0, 2).join('/');
    const key = `${modality}|${top}`;
    const entry = folders.get(key) ?? { modality, count: 0 };
    entry.count += 1;
    folders.set(key, entry);
  }
  for (const [key, { modality, count }] of folders) {
    if (count >= options.minFilesInFolder)
      out.push({ modality, via: `${count} ${modality} files`, file: key.slice(key.indexOf('|') + 1) });
  }
  return out;
}
