import type { AnyCheck } from '../types.js';
import singleUploadHistory from './GIT101-single-upload-history.js';
import shortProjectSpan from './GIT102-short-project-span.js';
import fewActiveDays from './GIT103-few-active-days.js';
import lowInformationCommitMessages from './GIT104-low-information-commit-messages.js';
import noBranchesOrMerges from './GIT105-no-branches-or-merges.js';
import notVersionControlled from './GIT106-not-version-controlled.js';
import botDominatedHistory from './GIT107-bot-dominated-history.js';

/** Checks of this area, in code order. */
export const checks: AnyCheck[] = [
  singleUploadHistory,
  shortProjectSpan,
  fewActiveDays,
  lowInformationCommitMessages,
  noBranchesOrMerges,
  notVersionControlled,
  botDominatedHistory,
];
