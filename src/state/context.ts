import { getContext, setContext } from 'svelte';
import type { I18n } from './i18n.svelte';
import type { View } from './view.svelte';
import type { Workbench } from './workbench.svelte';

const WORKBENCH = Symbol('workbench');
const I18N = Symbol('i18n');
const VIEW = Symbol('view');

/** Provide the app state to every component below. */
export function provideState(state: { workbench: Workbench; i18n: I18n; view: View }): void {
  setContext(WORKBENCH, state.workbench);
  setContext(I18N, state.i18n);
  setContext(VIEW, state.view);
}

/** The page, its UI choices and the open drill-down. */
export function useView(): View {
  return getContext<View>(VIEW);
}

/** The workbench state (dataset, parameters). */
export function useWorkbench(): Workbench {
  return getContext<Workbench>(WORKBENCH);
}

/** The UI language and formatters. */
export function useI18n(): I18n {
  return getContext<I18n>(I18N);
}
