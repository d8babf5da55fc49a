import { normaliseHeader } from './roles';

/** A remembered mapping: table kind and role per column position. */
export interface RememberedMapping {
  kind: string;
  roles: (string | null)[];
}

/** Where remembered mappings live (localStorage in the browser, a Map in tests and the CLI). */
export interface MappingStore {
  get(signature: string): RememberedMapping | null;
  set(signature: string, mapping: RememberedMapping): void;
}

/**
 * Signature of a header row: the normalised headers in order. Two exports of the same report
 * (next month's file) share it, so the confirmed mapping is reused.
 */
export function headerSignature(headers: string[]): string {
  return headers.map(normaliseHeader).join('\u001f');
}

/** A MappingStore in memory. */
export function memoryStore(): MappingStore {
  const m = new Map<string, RememberedMapping>();
  return { get: (s) => m.get(s) ?? null, set: (s, v) => void m.set(s, v) };
}

const PREFIX = 'sales-workbench.mapping.';

/** A MappingStore in localStorage (keys are removed by "Forget this data"). */
export function localStorageStore(): MappingStore {
  return {
    get(s) {
      try {
        const v = localStorage.getItem(PREFIX + s);
        return v ? (JSON.parse(v) as RememberedMapping) : null;
      } catch {
        return null;
      }
    },
    set(s, v) {
      try {
        localStorage.setItem(PREFIX + s, JSON.stringify(v));
      } catch {
        // Storage full or disabled: the mapping is simply not remembered.
      }
    },
  };
}
