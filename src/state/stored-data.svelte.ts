/**
 * The user's files kept in this browser (persist.ts: OPFS or IndexedDB) so a reload restores
 * them: saving after a load, reading them back once at the opening, forgetting every stored
 * byte, and what the page says about it (the "restored" banner, a storage warning).
 */
import type { FilePlan } from '../ingest/types';
import { messageOf, type Notice } from './notices';
import {
  datasetStore,
  forgetEverything,
  nowIso,
  STORE_VERSION,
  StorageError,
  type DatasetStore,
  type StoredDataset,
} from './persist';

/** The stored copy of the current dataset, for the banner. */
export interface StoredInfo {
  files: string[];
  savedAt: string;
  /** Restored at the opening (else saved in this session). */
  restored: boolean;
}

export class StoredData {
  /** The stored copy of the current dataset, if any. */
  stored = $state<StoredInfo | null>(null);
  /** Storage trouble (quota), shown as a warning; the data stays loaded for this session. */
  warning = $state<Notice | null>(null);
  private store: DatasetStore | null = null;
  private peeked: Promise<StoredDataset | null> | null = null;

  private getStore(): DatasetStore {
    this.store ??= datasetStore();
    return this.store;
  }

  /** The dataset kept from the last visit, read once for the take() that follows. */
  peek(): Promise<StoredDataset | null> {
    this.peeked ??= this.getStore().load();
    return this.peeked;
  }

  /** The dataset kept from the last visit (the one peeked); null when there is none or it is unreadable. */
  async take(): Promise<StoredDataset | null> {
    try {
      const stored = await this.peek();
      return stored && stored.files.length ? stored : null;
    } catch {
      return null;
    } finally {
      this.peeked = null;
    }
  }

  /** Keep the files of these plans (only when every one is a file the user gave, not a link's). */
  async save(plans: FilePlan[]): Promise<void> {
    const files = plans
      .filter((p) => p.file.source.kind === 'blob')
      .map((p) => ({
        name: p.file.name,
        blob: (p.file.source as { kind: 'blob'; blob: Blob }).blob,
        plan: { ...p, file: undefined },
      }));
    if (files.length !== plans.length) return;
    const savedAt = nowIso();
    try {
      await this.getStore().save({ version: STORE_VERSION, savedAt, files });
      this.stored = { files: files.map((f) => f.name), savedAt, restored: false };
      this.warning = null;
    } catch (err) {
      this.stored = null;
      this.warning = {
        key: err instanceof StorageError && err.quota ? 'storage.quota' : 'storage.failed',
        params: { message: messageOf(err) },
      };
    }
  }

  /** The data shown is these files, restored from storage (saved at `savedAt`, else as known). */
  restored(files: string[], savedAt = this.stored?.savedAt ?? ''): void {
    this.stored = { files, savedAt, restored: true };
  }

  /** The data shown is not a stored copy (the demo). */
  notStored(): void {
    this.stored = null;
  }

  /** Remove every stored byte. */
  async forget(): Promise<void> {
    await forgetEverything();
    this.stored = null;
    this.warning = null;
  }
}
