import { defaultParams, type Params } from '../analytics/params';
import { decodeView, encodeView, type PageId, type ViewState } from './url-state';

/** What the analyst looks at: the analysis parameters, the page and its choices (what a review link reproduces). */
export class View {
  /** Analysis parameters (spec defaults until changed). */
  params = $state<Params>(defaultParams());
  page = $state<PageId>('overview');
  /** Page-specific choices, e.g. `{ 'pareto.entity': 'product' }`. */
  ui = $state<Record<string, string>>({});
  /** Customer whose drill-down panel is open. */
  customer = $state<string | null>(null);
  /** Data files named by URL. */
  data = $state<string[]>([]);
  /** The link asks for the bundled demo data. */
  demo = $state(false);
  /** Parts of the opening link that were ignored (malformed, stale or crafted). */
  ignored = $state<string[]>([]);
  /** Why the snapshot embedded in the link (`#…`) was refused (a message key), if it was. */
  snapshotProblem = $state<string | null>(null);

  /** A UI choice with a default. */
  choice<T extends string>(key: string, fallback: T): T {
    return (this.ui[key] as T | undefined) ?? fallback;
  }

  /** Set a UI choice (removing it when it equals the default keeps links short). */
  choose(key: string, value: string, fallback: string): void {
    const next = { ...this.ui };
    if (value === fallback) delete next[key];
    else next[key] = value;
    this.ui = next;
  }
}

/** The current view as a ViewState, with `params` (a plain copy of `view.params`). */
export function currentView(view: View, params: Params): ViewState {
  return {
    page: view.page,
    params,
    customer: view.customer,
    ui: { ...view.ui },
    data: [...view.data],
    demo: view.demo,
  };
}

/** Apply a decoded view. */
export function applyView(v: ViewState, view: View): void {
  view.page = v.page;
  view.ui = v.ui;
  view.customer = v.customer;
  view.data = v.data;
  view.demo = v.demo;
  view.params = v.params;
}

/**
 * Keep the address bar and the view in step: every change writes the URL (a new history entry,
 * or a replaced one when changes come in quick succession, e.g. while dragging a slider), and
 * back/forward restore the view. Call once during the root component's initialisation.
 */
export function syncUrl(view: View): void {
  const initial = decodeView(location.search, document.baseURI);
  applyView(initial.view, view);
  view.ignored = initial.problems;
  let lastPush = 0;
  // The first write only canonicalises the opening URL; writes caused by back/forward must not
  // add entries either (that would cut off the forward history).
  let replaceOnly = true;

  $effect(() => {
    const q = encodeView(currentView(view, $state.snapshot(view.params) as Params));
    const search = q ? `?${q}` : '';
    if (search !== location.search) {
      const target = (search || location.pathname) + location.hash;
      const now = performance.now();
      if (replaceOnly || now - lastPush < 600) history.replaceState(null, '', target);
      else history.pushState(null, '', target);
      lastPush = now;
    }
    replaceOnly = false;
  });

  const onPop = () => {
    replaceOnly = true;
    const { view: v, problems } = decodeView(location.search, document.baseURI);
    applyView(v, view);
    view.ignored = problems;
    // Effects flush in microtasks; after them, user changes push entries again.
    setTimeout(() => (replaceOnly = false), 0);
  };
  $effect(() => {
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  });
}
