import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreEvent } from '../../../../shared/api';
import { Button } from '../../components/Button';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { currentLanguage } from '../../i18n';
import { useJobs } from '../../store/jobs';

type JobProgressEvent = Extract<CoreEvent, { type: 'job.progress' }>;
type AttachmentJobKind = 'attachment-import' | 'attachment-export';

/** The running import or export, from the jobs store: null when none runs (the last one ended). */
export function useRunningJob(kind: AttachmentJobKind): JobProgressEvent | null {
  const job = useJobs((state) => state.progress[kind]);
  return job && job.done < job.total ? job : null;
}

/**
 * The bar for a running import or export: a native <progress> (role progressbar, with its value
 * and maximum for assistive technology) and the bytes in words, and a button that asks the core to
 * stop after the chunk in hand. The rest of the screen stays usable: the work runs in the core's
 * own thread.
 */
export function JobProgress({ kind }: { kind: AttachmentJobKind }) {
  const { t } = useTranslation();
  const job = useRunningJob(kind);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const language = currentLanguage();

  // A stop asked for one job says nothing about the next.
  useEffect(() => {
    if (job && cancelling !== null && job.jobId !== cancelling) setCancelling(null);
  }, [job, cancelling]);

  if (!job) return null;
  // The core's first report says 0 of 1 byte until it knows the size.
  const known = job.total > 1 || job.done > 0;
  const percent = known ? Math.floor((job.done * 100) / job.total) : 0;
  const text = t(kind === 'attachment-import' ? 'attachments.progress.importing' : 'attachments.progress.exporting', {
    done: formatBytes(job.done, language),
    total: known ? formatBytes(job.total, language) : '…',
    percent,
  });

  async function cancel() {
    if (!job) return;
    setCancelling(job.jobId);
    await callCore('attachment.cancel', { jobId: job.jobId });
  }

  return (
    <div className="app-progress app-attachment-progress">
      <p className="utrecht-paragraph">{text}</p>
      <div className="app-attachment-progress__row">
        <progress
          className="app-progress__bar"
          max={100}
          value={percent}
          aria-label={t(kind === 'attachment-import' ? 'attachments.progress.importingLabel' : 'attachments.progress.exportingLabel')}
          aria-valuetext={text}
        />
        <Button appearance="secondary" busy={cancelling === job.jobId} busyLabel={t('attachments.progress.cancelling')} onClick={() => void cancel()}>
          {t('attachments.progress.cancel')}
        </Button>
      </div>
    </div>
  );
}
