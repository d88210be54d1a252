/**
 * Latest wins: while one render job runs, only the newest job scheduled
 * after it is kept; the running job asks `outdated` after each slow step
 * (Mermaid's layout) and gives up when a newer one waits.
 */
export class RenderQueue<J> {
  private pending: J | undefined;
  private running = false;

  constructor(private readonly run: (job: J) => Promise<void>) {}

  schedule(job: J): void {
    this.pending = job;
    if (!this.running) void this.pump();
  }

  /** A newer job is waiting: the running one is out of date. */
  get outdated(): boolean {
    return this.pending !== undefined;
  }

  private async pump(): Promise<void> {
    this.running = true;
    try {
      while (this.pending !== undefined) {
        const job = this.pending;
        this.pending = undefined;
        try {
          await this.run(job);
        } catch (e) {
          // a failed job must not stop the ones after it
          console.error('BizFlow preview: render failed', e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
