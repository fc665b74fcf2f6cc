import type cliProgressModule from 'cli-progress';
import type { AuditProgress } from '../engine/audit.js';
import { lazyRequire } from '../lazy-require.js';

/** Loaded only when a bar is drawn: never for one repository, a pipe or --quiet. */
const cliProgress = lazyRequire<typeof cliProgressModule>('cli-progress');

export interface Progress {
  update(progress: AuditProgress): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/** A bar with counts and ETA on stderr, only where a person is watching and there is more than one repo. */
export function createProgress(stream: NodeJS.WriteStream, total: number, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY || total <= 1) return SILENT;
  const { SingleBar, Presets } = cliProgress();
  const bar = new SingleBar(
    {
      stream,
      format: 'auditing {bar} {value}/{total} repos | ETA {eta_formatted} | {repo}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { repo: '' });
  return {
    update: (p) => bar.update(p.done, { repo: p.path }),
    stop: () => bar.stop(),
  };
}
