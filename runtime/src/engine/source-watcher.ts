// Auto deployments: polls the tracked branch of each watched git repository
// and reports a service once its branch head moves past what was deployed.
import { branchHead } from "./source-fetch.js";

interface Watch {
  root: string;
  branch: string;
  /** Commit deployed (or seen at resume): no deployment for it. */
  baseline: string | undefined;
  /** Commit already reported, so one commit triggers one deployment. */
  notified?: string;
}

export class SourceWatcher {
  private readonly watches = new Map<string, Watch>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    private readonly intervalMs: number,
    private readonly isBusy: (serviceId: string) => boolean,
    private readonly onChange: (serviceId: string) => void,
  ) {}

  watch(serviceId: string, root: string, branch: string, baseline: string | undefined): void {
    const previous = this.watches.get(serviceId);
    const notified = previous && previous.root === root && previous.branch === branch ? previous.notified : undefined;
    this.watches.set(serviceId, { root, branch, baseline, notified });
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  unwatch(serviceId: string): void {
    this.watches.delete(serviceId);
    if (this.watches.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  stop(): void {
    this.watches.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [serviceId, w] of [...this.watches]) {
        if (this.isBusy(serviceId)) continue;
        let head: string | undefined;
        try {
          head = await branchHead(w.root, w.branch);
        } catch {
          continue; // repository gone or unreadable for now: try again next time
        }
        if (this.watches.get(serviceId) !== w || !head) continue;
        if (w.baseline === undefined) {
          w.baseline = head;
          continue;
        }
        if (head !== w.baseline && head !== w.notified) {
          w.notified = head;
          this.onChange(serviceId);
        }
      }
    } finally {
      this.polling = false;
    }
  }
}
