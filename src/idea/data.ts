import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { parse } from 'yaml';

/** The idea rater's data: the ML task list and the words that tell data, users and scope apart. */

const Phrases = v.strictObject({ kind: v.optional(v.string()), phrases: v.array(v.string()) });
const Signals = v.strictObject({
  version: v.literal(1),
  collectable: v.array(Phrases),
  readyMade: v.array(Phrases),
  users: v.array(v.strictObject({ pattern: v.string() })),
  tooBroad: v.array(Phrases),
  vague: v.array(Phrases),
});
const Tasks = v.strictObject({
  version: v.literal(1),
  tasks: v.array(
    v.strictObject({
      id: v.string(),
      name: v.string(),
      summary: v.string(),
      models: v.array(v.string()),
      keywords: v.array(v.string()),
    }),
  ),
});

export type IdeaSignals = v.InferOutput<typeof Signals>;
export type TaskEntry = v.InferOutput<typeof Tasks>['tasks'][number];

function load<T extends v.GenericSchema>(name: string, schema: T): v.InferOutput<T> {
  const path = fileURLToPath(new URL(`./data/${name}`, import.meta.url));
  return v.parse(schema, parse(readFileSync(path, 'utf8')));
}

let cached: { signals: IdeaSignals; tasks: TaskEntry[] } | null = null;

export function loadIdeaData(): { signals: IdeaSignals; tasks: TaskEntry[] } {
  cached ??= { signals: load('signals.yml', Signals), tasks: load('tasks.yml', Tasks).tasks };
  return cached;
}
