import type { Component } from 'svelte';
import type { MessageKey } from '../../i18n/messages/en';
import type { PageId } from '../../state/url-state';
import CustomersPage from './CustomersPage.svelte';
import DataPage from './DataPage.svelte';
import KpiPage from './KpiPage.svelte';
import LifecyclePage from './LifecyclePage.svelte';
import OverviewPage from './OverviewPage.svelte';
import ParetoPage from './ParetoPage.svelte';
import ProductsPage from './ProductsPage.svelte';
import ReceivablesPage from './ReceivablesPage.svelte';
import RfmPage from './RfmPage.svelte';
import TargetsPage from './TargetsPage.svelte';
import TurnoverPage from './TurnoverPage.svelte';

/** A page of the workbench: its id (in the URL), menu label and component. */
export interface PageEntry {
  id: PageId;
  label: MessageKey;
  component: Component;
}

/** Pages in menu order. */
export const PAGE_ENTRIES: PageEntry[] = [
  { id: 'overview', label: 'nav.overview', component: OverviewPage },
  { id: 'pareto', label: 'nav.pareto', component: ParetoPage },
  { id: 'customers', label: 'nav.customers', component: CustomersPage },
  { id: 'products', label: 'nav.products', component: ProductsPage },
  { id: 'turnover', label: 'nav.turnover', component: TurnoverPage },
  { id: 'lifecycle', label: 'nav.lifecycle', component: LifecyclePage },
  { id: 'kpi', label: 'nav.kpi', component: KpiPage },
  { id: 'targets', label: 'nav.targets', component: TargetsPage },
  { id: 'rfm', label: 'nav.rfm', component: RfmPage },
  { id: 'receivables', label: 'nav.receivables', component: ReceivablesPage },
  { id: 'data', label: 'nav.data', component: DataPage },
];

/** The page for an id, falling back to the first page. */
export function pageFor(id: PageId): PageEntry {
  return PAGE_ENTRIES.find((p) => p.id === id) ?? PAGE_ENTRIES[0];
}
