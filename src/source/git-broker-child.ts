import { type SpawnRequest, spawnGit } from './git-spawn.js';

/**
 * A small process that starts git on behalf of the audit. Starting a process from a large,
 * multi-threaded one costs milliseconds per fork and blocks the calling thread; from this one it
 * is cheap and the audit's threads only wait on a message. It runs nothing but git, with the
 * arguments and hardened environment it is sent, and exits when its parent goes away.
 */
process.on('message', (message: { id: number; request: SpawnRequest }) => {
  void spawnGit(message.request).then((result) => {
    process.send?.({ id: message.id, result });
  });
});
process.on('disconnect', () => process.exit(0));
