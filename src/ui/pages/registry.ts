import type { Component } from 'svelte';
import type { MessageKey } from '../../i18n/messages/en';
import type { PageId } from '../../state/url-state';
import DataPage from './DataPage.svelte';
import ParetoPage from './ParetoPage.svelte';

/** A page of the workbench: its id (in the URL), menu label and component. */
export interface PageEntry {
  id: PageId;
  label: MessageKey;
  component: Component;
}

/** Pages in menu order. Only built pages are listed. */
export const PAGE_ENTRIES: PageEntry[] = [
  { id: 'pareto', label: 'nav.pareto', component: ParetoPage },
  { id: 'data', label: 'nav.data', component: DataPage },
];

/** The page for an id, falling back to the first page. */
export function pageFor(id: PageId): PageEntry {
  return PAGE_ENTRIES.find((p) => p.id === id) ?? PAGE_ENTRIES[0];
}
