/**
 * The mapping screen's session: files dropped or chosen are read (their top only) and proposed
 * with a table kind and column roles the user checks before anything is loaded. Files dropped
 * before the page can read them (the engine starting, the opening data or another load in
 * progress) are kept, named on the page, and proposed as soon as it can: a drop is never ignored.
 */
import { applyMapping, inspectFile } from '../ingest/load';
import { localStorageStore, type MappingStore } from '../ingest/mapping-memory';
import type { TableKind } from '../ingest/canonical';
import type { Encoding } from '../ingest/encoding';
import type { DateFormat } from '../ingest/values';
import type { FilePlan, InputFile } from '../ingest/types';
import { toNotice, type Notice } from './notices';

/** What the session needs of the workbench. */
export interface MappingHost {
  /** DuckDB is up and no load runs: a drop can be read now. */
  readonly canRead: boolean;
  /** The progress line (null: none). */
  progress(notice: Notice | null): void;
  /** The error notice (null: clear it). */
  fail(notice: Notice | null): void;
  /** Load the confirmed plans as the user's own files; false when it failed (the error is shown). */
  loadConfirmed(plans: FilePlan[]): Promise<boolean>;
}

export class MappingSession {
  /** Files waiting on the mapping screen: the proposals the user checks before loading. */
  plans = $state.raw<FilePlan[] | null>(null);
  /** Files dropped before the page could read them, proposed as soon as it can (flush). */
  queued = $state.raw<InputFile[]>([]);
  /** The column roles confirmed earlier in this browser, proposed again for the same headers. */
  readonly memory: MappingStore = localStorageStore();
  /** True until the opening data is in place (openingDone): drops meanwhile wait in `queued`. */
  private opening = true;
  private readonly host: MappingHost;

  constructor(host: MappingHost) {
    this.host = host;
  }

  /**
   * Read the top of each file and propose how to load it; the mapping screen shows the
   * proposals. Nothing is loaded yet, and a file that is not a table is refused with a message.
   */
  async propose(files: InputFile[]): Promise<boolean> {
    if (files.length === 0) return false;
    if (!this.canPropose()) {
      this.queued = [...this.queued, ...files];
      return false;
    }
    this.host.fail(null);
    let current = '';
    try {
      const plans: FilePlan[] = [];
      for (const f of files) {
        current = f.name;
        this.host.progress({ key: 'drop.loading', params: { file: f.name } });
        plans.push(await inspectFile(f, { mappings: this.memory }));
      }
      this.plans = plans;
      return true;
    } catch (err) {
      this.host.fail(toNotice(err, current));
      return false;
    } finally {
      this.host.progress(null);
    }
  }

  /** Whether a drop can be read now (else it waits in `queued`). */
  private canPropose(): boolean {
    return !this.opening && this.host.canRead;
  }

  /** Propose the queued files, if any, once nothing stands in their way. */
  flush(): void {
    if (!this.queued.length || !this.canPropose()) return;
    const files = this.queued;
    this.queued = [];
    void this.propose(files);
  }

  /**
   * The opening data (link, kept data or demo) is in place, or could not be loaded: from now on a
   * drop is read at once, and the files dropped meanwhile are proposed.
   */
  openingDone(): void {
    this.opening = false;
    this.flush();
  }

  /** Change a proposed file's table kind or column roles. */
  update(index: number, changes: { kind?: TableKind; roles?: (string | null)[] }): void {
    if (!this.plans) return;
    this.plans = this.plans.map((p, i) => (i === index ? applyMapping(p, changes) : p));
  }

  /** Change how a proposed column's dates are read (the day/month order). */
  setDateFormat(index: number, column: number, format: DateFormat): void {
    if (!this.plans) return;
    this.plans = this.plans.map((p, i) =>
      i === index
        ? { ...p, columns: p.columns.map((c) => (c.index === column ? { ...c, dateFormat: format } : c)) }
        : p,
    );
  }

  /** Read a proposed file again with another encoding or sheet. */
  async reinspect(index: number, options: { encoding?: Encoding; sheet?: string }): Promise<void> {
    const plan = this.plans?.[index];
    if (!plan) return;
    try {
      const fresh = await inspectFile(plan.file, { ...options, mappings: this.memory });
      this.plans = this.plans!.map((p, i) => (i === index ? fresh : p));
    } catch (err) {
      this.host.fail(toNotice(err, plan.file.name));
    }
  }

  /** Load the files of the mapping screen as confirmed. */
  async confirm(): Promise<boolean> {
    const plans = this.plans;
    if (!plans) return false;
    const ok = await this.host.loadConfirmed(plans);
    if (ok) this.plans = null;
    return ok;
  }

  /** Leave the mapping screen without loading. */
  cancel(): void {
    this.plans = null;
  }
}
