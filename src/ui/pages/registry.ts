import type { Component } from 'svelte';
import type { MessageKey } from '../../i18n/messages/en';
import { PAGES, type PageId } from '../../state/url-state';
import CustomersPage from './CustomersPage.svelte';
import DataPage from './DataPage.svelte';
import HelpPage from './HelpPage.svelte';
import KeyAccountsPage from './KeyAccountsPage.svelte';
import ForecastPage from './ForecastPage.svelte';
import KpiPage from './KpiPage.svelte';
import LifecyclePage from './LifecyclePage.svelte';
import OverviewPage from './OverviewPage.svelte';
import ParetoPage from './ParetoPage.svelte';
import ProductsPage from './ProductsPage.svelte';
import ReceivablesPage from './ReceivablesPage.svelte';
import RfmPage from './RfmPage.svelte';
import SatisfactionPage from './SatisfactionPage.svelte';
import TargetsPage from './TargetsPage.svelte';
import TurnoverPage from './TurnoverPage.svelte';

/** A page of the workbench: its id (in the URL), menu label and component. */
export interface PageEntry {
  id: PageId;
  label: MessageKey;
  component: Component;
}

/**
 * The component of every page id of `PAGES` (url-state.ts): a page id without a component, or a
 * component for an id that is not a page, does not compile.
 */
const COMPONENTS: Record<PageId, Component> = {
  overview: OverviewPage,
  pareto: ParetoPage,
  customers: CustomersPage,
  products: ProductsPage,
  turnover: TurnoverPage,
  lifecycle: LifecyclePage,
  kpi: KpiPage,
  key_accounts: KeyAccountsPage,
  targets: TargetsPage,
  rfm: RfmPage,
  forecast: ForecastPage,
  receivables: ReceivablesPage,
  satisfaction: SatisfactionPage,
  data: DataPage,
  help: HelpPage,
};

/** Pages in menu order (the order of `PAGES`); the menu label is `nav.<id>`. */
export const PAGE_ENTRIES: PageEntry[] = PAGES.map((id) => ({
  id,
  label: `nav.${id}` as MessageKey,
  component: COMPONENTS[id],
}));

/** The page for an id, falling back to the first page. */
export function pageFor(id: PageId): PageEntry {
  return PAGE_ENTRIES.find((p) => p.id === id) ?? PAGE_ENTRIES[0];
}
