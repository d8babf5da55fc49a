import { getContext, setContext } from 'svelte';
import type { I18n } from './i18n.svelte';
import type { Workbench } from './workbench.svelte';

const WORKBENCH = Symbol('workbench');
const I18N = Symbol('i18n');

/** Provide the app state to every component below. */
export function provideState(state: { workbench: Workbench; i18n: I18n }): void {
  setContext(WORKBENCH, state.workbench);
  setContext(I18N, state.i18n);
}

/** The workbench state (dataset, parameters). */
export function useWorkbench(): Workbench {
  return getContext<Workbench>(WORKBENCH);
}

/** The UI language and formatters. */
export function useI18n(): I18n {
  return getContext<I18n>(I18N);
}
