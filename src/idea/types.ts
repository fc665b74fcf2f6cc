/** The JSON contract of `unherd idea` (schema/idea.schema.json). Bump minor for additions. */
export const IDEA_SCHEMA_VERSION = '1.0.0';

export type IdeaVerdict = 'go' | 'revise' | 'rethink';
export type Aspect = 'originality' | 'data' | 'pretrained' | 'scope' | 'user';

/** A piece of the idea's text that a rule recognised. */
export interface Match {
  kind: string;
  /** The catalogue, task or source id, when there is one. */
  id?: string;
  name: string;
  /** The words of the idea that matched. */
  text: string;
}

export interface AspectRating {
  score: number;
  max: number;
  matches: Match[];
  /** Why this score, in a sentence. */
  explanation: string;
  /** What would raise it; empty when the aspect is at its maximum. */
  advice: string;
}

export interface PretrainedRating extends AspectRating {
  /** Tasks recognised, with example pretrained models from the task list. */
  tasks: { id: string; name: string; summary: string; models: string[]; text: string }[];
}

export interface Change {
  aspect: Aspect;
  advice: string;
  /** Points the score would gain. */
  gain: number;
}

export interface IdeaReport {
  schemaVersion: string;
  tool: { name: 'unherd'; version: string };
  idea: string;
  /** 0–100, the sum of the five aspects. */
  score: number;
  verdict: IdeaVerdict;
  originality: AspectRating;
  data: AspectRating;
  pretrained: PretrainedRating;
  scope: AspectRating;
  user: AspectRating;
  /** The three changes that would most improve the idea, largest gain first. */
  changes: Change[];
  /** How the score is made; it is ours, not a standard. */
  method: string;
}
