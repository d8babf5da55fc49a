/**
 * Keeps the loaded files (and how they were read) in the browser so a reload restores them.
 * Storage: OPFS where the page is a secure context (fast for large files), IndexedDB otherwise
 * (a plain-http intranet host has no OPFS). Nothing is ever sent anywhere.
 */

/** One stored file with the JSON of the confirmed plan it was loaded with. */
export interface StoredFile {
  name: string;
  blob: Blob;
  /** The confirmed FilePlan without its file (JSON-safe). */
  plan: unknown;
}

/** What is stored: the files of the current dataset. */
export interface StoredDataset {
  version: number;
  savedAt: string;
  files: StoredFile[];
}

/** A store for one dataset. */
export interface DatasetStore {
  readonly kind: 'opfs' | 'indexeddb';
  save(dataset: StoredDataset): Promise<void>;
  load(): Promise<StoredDataset | null>;
  /** Remove every stored byte. */
  clear(): Promise<void>;
}

/** Raised when the browser refuses to store (quota full, storage disabled). */
export class StorageError extends Error {
  readonly quota: boolean;
  constructor(message: string, quota: boolean, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageError';
    this.quota = quota;
  }
}

/** Storage format version; a stored dataset of another version is ignored (and reported). */
export const STORE_VERSION = 1;
const DB_NAME = 'sales-workbench';
const STORE = 'datasets';
const KEY = 'current';

function isQuota(err: unknown): boolean {
  return err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
}

function wrap(err: unknown): StorageError {
  return new StorageError(err instanceof Error ? err.message : String(err), isQuota(err), err);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

/** IndexedDB store: the dataset object with its Blobs (browsers keep Blob data out of the JS heap). */
export class IndexedDbStore implements DatasetStore {
  readonly kind = 'indexeddb' as const;

  async save(dataset: StoredDataset): Promise<void> {
    try {
      const db = await openDb();
      try {
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(dataset, KEY);
        await new Promise<void>((ok, fail) => {
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
          tx.onabort = () => fail(tx.error);
        });
      } finally {
        db.close();
      }
    } catch (err) {
      throw wrap(err);
    }
  }

  async load(): Promise<StoredDataset | null> {
    const db = await openDb();
    try {
      const v = await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
      return (v as StoredDataset | undefined) ?? null;
    } finally {
      db.close();
    }
  }

  async clear(): Promise<void> {
    await new Promise<void>((ok, fail) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => ok();
      req.onerror = () => fail(req.error);
      // Another tab holding the database open: deletion completes when it closes.
      req.onblocked = () => ok();
    });
  }
}

/** OPFS store: each file written as its own OPFS file, the manifest as JSON. */
export class OpfsStore implements DatasetStore {
  readonly kind = 'opfs' as const;

  private async dir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
    const root = await navigator.storage.getDirectory();
    try {
      return await root.getDirectoryHandle(DB_NAME, { create });
    } catch {
      return null;
    }
  }

  async save(dataset: StoredDataset): Promise<void> {
    try {
      await this.clear();
      const dir = (await this.dir(true))!;
      const manifest = {
        version: dataset.version,
        savedAt: dataset.savedAt,
        files: [] as { name: string; plan: unknown; path: string }[],
      };
      for (const [i, f] of dataset.files.entries()) {
        const path = `file-${i}`;
        const handle = await dir.getFileHandle(path, { create: true });
        const w = await handle.createWritable();
        await f.blob.stream().pipeTo(w);
        manifest.files.push({ name: f.name, plan: f.plan, path });
      }
      const mh = await dir.getFileHandle('manifest.json', { create: true });
      const w = await mh.createWritable();
      await w.write(JSON.stringify(manifest));
      await w.close();
    } catch (err) {
      throw wrap(err);
    }
  }

  async load(): Promise<StoredDataset | null> {
    const dir = await this.dir(false);
    if (!dir) return null;
    try {
      const manifest = JSON.parse(
        await (await (await dir.getFileHandle('manifest.json')).getFile()).text(),
      ) as {
        version: number;
        savedAt: string;
        files: { name: string; plan: unknown; path: string }[];
      };
      const files: StoredFile[] = [];
      for (const f of manifest.files)
        files.push({ name: f.name, plan: f.plan, blob: await (await dir.getFileHandle(f.path)).getFile() });
      return { version: manifest.version, savedAt: manifest.savedAt, files };
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(DB_NAME, { recursive: true }).catch(() => undefined);
  }
}

/** The store for this page: OPFS in a secure context that has it, IndexedDB otherwise. */
export function datasetStore(): DatasetStore {
  const opfs =
    globalThis.isSecureContext &&
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function';
  return opfs ? new OpfsStore() : new IndexedDbStore();
}

/** localStorage keys the app owns (settings, remembered mappings); removed by "Forget this data". */
export const LOCAL_KEY_PREFIX = 'sales-workbench.';

/** Remove every stored byte: the dataset in both stores and every localStorage key of the app. */
export async function forgetEverything(): Promise<void> {
  await new IndexedDbStore().clear();
  if (globalThis.isSecureContext && typeof navigator.storage?.getDirectory === 'function')
    await new OpfsStore().clear();
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(LOCAL_KEY_PREFIX)) localStorage.removeItem(k);
  } catch {
    // localStorage disabled: nothing was stored there.
  }
}

/** The current time as ISO text (only for the "saved at" label; never used in analysis). */
export function nowIso(): string {
  return new Date().toISOString();
}
