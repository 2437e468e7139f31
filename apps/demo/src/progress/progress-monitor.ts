import { TimeScale, toOriginalTime } from '../calendar/time-scale';
import { DemoReadModels } from '../read-models/demo-read-models';
import { Display } from './console-display';
import { progressLine } from './progress-line';

/** What each phase means for someone watching the demo. */
const PHASES: Readonly<Record<string, string>> = {
  DRAFT: 'created, not yet published',
  SCHEDULED: 'published; it opens by itself at its opening date',
  OPEN: 'open: the directory’s eligible organisations are invited, register, draft and submit',
  SUBMISSIONS_CLOSED: 'deadline reached: drafts expire, submissions are refused',
  SCREENING: 'operators screen the eligible dossiers',
  CONSULTATIONS: 'shortlisted dossiers get a consultation slot, an invitation and a reminder',
  CLOSED: 'closed',
  CANCELLED: 'cancelled',
};

/**
 * Reads the campaign's progress from the read models every `intervalMs` and shows it; each new
 * phase also gets a line of its own, so that the scroll-back tells the campaign's story.
 */
export class ProgressMonitor {
  private timer?: NodeJS.Timeout;
  private phase?: string;
  private reading = false;

  constructor(
    private readonly readModels: DemoReadModels,
    private readonly display: Display,
    private readonly campaignId: string,
    private readonly scale: TimeScale,
    private readonly zone: string,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  async tick(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      const progress = await this.readModels.progress(this.campaignId);
      const newPhase = progress.phase !== undefined && progress.phase !== this.phase;
      if (newPhase) {
        this.phase = progress.phase;
        this.display.log(`Campaign phase ${progress.phase}: ${PHASES[progress.phase ?? ''] ?? ''}`);
      }
      const reached = toOriginalTime(this.scale, new Date());
      this.display.progress(progressLine(progress, reached, this.zone), newPhase);
    } catch (error) {
      this.display.log(`Could not read the progress: ${(error as Error).message}`);
    } finally {
      this.reading = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.display.close();
  }
}
