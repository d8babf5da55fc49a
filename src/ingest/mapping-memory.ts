import { normaliseHeader } from './roles';
import { questionFixes, type QuestionFix } from './survey-plan';
import type { FilePlan } from './types';

/** A remembered mapping: table kind and role per column position. */
export interface RememberedMapping {
  kind: string;
  roles: (string | null)[];
  /** A survey's questions whose dimension or scale the user fixed (absent when none was). */
  survey?: QuestionFix[];
}

/** What is remembered of a confirmed plan: its kind, its roles and the user's survey fixes. */
export function rememberedMapping(plan: Pick<FilePlan, 'kind' | 'columns' | 'survey'>): RememberedMapping {
  const survey = questionFixes(plan.survey);
  return {
    kind: plan.kind,
    roles: plan.columns.map((c) => c.role),
    ...(survey.length ? { survey } : {}),
  };
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
