import { type AuditOptions, auditOne } from './audit.js';
import type { RepoReport } from './report.js';

export interface WorkerTask {
  path: string;
  options: AuditOptions;
}

/** Runs in a pool thread: audits one repository and returns its report as plain, cloneable data. */
export default function auditInWorker(task: WorkerTask): Promise<RepoReport> {
  return auditOne(task.path, task.options);
}
