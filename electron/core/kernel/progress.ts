import type { CoreEvent, JobKind } from '../../../shared/api';
import type { ByteProgress } from './chunking';
import { CoreError } from './errors';
import { jobIdFor, type JobCancellation } from './job-cancellation';

/**
 * Long work announces its start and its end (also when it fails), so the UI can show progress.
 * Work that knows how far it is (attachments: bytes) calls `report(done, total)`; an event goes
 * out only when another percent is done, so a 500 MB import sends about a hundred, not 500.
 */
export class JobProgress {
  private jobCount = 0;

  constructor(
    private readonly cancellation: JobCancellation,
    private readonly emit: (event: CoreEvent) => void,
  ) {}

  async run<T>(kind: JobKind, work: (report: ByteProgress) => T | Promise<T>): Promise<T> {
    const jobNumber = ++this.jobCount;
    const jobId = jobIdFor(kind, jobNumber);
    let total = 1;
    let lastPercent = 0;
    const report: ByteProgress = (done, newTotal) => {
      // Read between chunks: a throw here undoes the import's transaction or removes the export's file.
      if (this.cancellation.isRequested(jobNumber)) throw new CoreError('CANCELLED', `${jobId} cancelled`);
      total = Math.max(newTotal, 1);
      const percent = Math.floor((done * 100) / total);
      if (percent <= lastPercent || done >= total) return;
      lastPercent = percent;
      this.emit({ type: 'job.progress', jobId, kind, done, total });
    };
    this.cancellation.started(jobNumber);
    this.emit({ type: 'job.progress', jobId, kind, done: 0, total });
    try {
      return await work(report);
    } finally {
      this.cancellation.finished(jobNumber);
      this.emit({ type: 'job.progress', jobId, kind, done: total, total });
    }
  }
}
