import BLG101 from './BLG101-generic-tutorial-voice.js';
import BLG102 from './BLG102-no-link-to-own-work.js';
import BLG103 from './BLG103-saturated-topic.js';
import BLG104 from './BLG104-claims-without-sources.js';
import BLG105 from './BLG105-no-references-list.js';
import BLG106 from './BLG106-no-figures.js';
import BLG107 from './BLG107-images-without-alt-text.js';
import BLG108 from './BLG108-figures-without-captions.js';
import BLG109 from './BLG109-pictures-of-code.js';
import BLG110 from './BLG110-code-without-language.js';
import BLG111 from './BLG111-code-missing-imports.js';
import BLG112 from './BLG112-pasted-prompts.js';
import BLG113 from './BLG113-no-limitations-section.js';
import BLG114 from './BLG114-no-takeaway.js';
import BLG115 from './BLG115-length-and-reading-time.js';
import BLG116 from './BLG116-hard-to-read.js';
import BLG117 from './BLG117-missing-structure.js';
import BLG118 from './BLG118-wall-of-text.js';
import BLG119 from './BLG119-hedging-and-filler.js';
import type { AnyBlogCheck } from './define.js';

export const BLOG_CHECKS: readonly AnyBlogCheck[] = [
  BLG101,
  BLG102,
  BLG103,
  BLG104,
  BLG105,
  BLG106,
  BLG107,
  BLG108,
  BLG109,
  BLG110,
  BLG111,
  BLG112,
  BLG113,
  BLG114,
  BLG115,
  BLG116,
  BLG117,
  BLG118,
  BLG119,
];
