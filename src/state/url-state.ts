import { validChoice } from './ui-choices';
import { defaultParams, diffParams, ParamError, resolveParams, type Params } from '../analytics/params';

/** Pages of the workbench, in menu order. */
export const PAGES = [
  'overview',
  'pareto',
  'customers',
  'products',
  'turnover',
  'lifecycle',
  'kpi',
  'key_accounts',
  'targets',
  'rfm',
  'forecast',
  'receivables',
  'satisfaction',
  'data',
  // Last in the menu and in the review pack: what each figure means.
  'help',
] as const;
/** One page id. */
export type PageId = (typeof PAGES)[number];

/** Everything a link reproduces besides the data itself. */
export interface ViewState {
  page: PageId;
  params: Params;
  /** Open customer drill-down, if any. */
  customer: string | null;
  /** Page-specific choices (e.g. Pareto entity), flat string values. */
  ui: Record<string, string>;
  /** Data files named by URL (`?data=`), relative or absolute, as written in the link. */
  data: string[];
  /** The link asks for the bundled demo data (`?demo`), not whatever this browser kept. */
  demo: boolean;
}

/** The default view. */
export function defaultView(): ViewState {
  return { page: 'overview', params: defaultParams(), customer: null, ui: {}, data: [], demo: false };
}

const RESERVED = new Set(['page', 'customer', 'data', 'bench', 'demo']);

/** The key-account standard's URL key: a list of `[factor, weight]` pairs in one value. */
const STANDARD_KEY = 'key_accounts.factors';

/**
 * Text that looks like markup or a script URL. No customer id, region or parameter is written
 * like this; a link carrying it was crafted, so the part is refused (and named) rather than kept.
 * (Svelte escapes text anyway; this is defence in depth and tells the reader what happened.)
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const SCRIPT_LIKE = /<\s*[a-z!/?]|javascript\s*:|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/i;

/** A part of a link as shown in the notice: short, so a crafted megabyte value cannot flood the page. */
function shown(part: string): string {
  return part.length > 60 ? `${part.slice(0, 57)}…` : part;
}

/**
 * Resolve one `?data=` entry against the page address. Only http(s) is accepted: a
 * `javascript:`, `data:`, `blob:` or `file:` address, or one carrying a user name or password
 * (which would travel in every copied link), is refused and yields null.
 */
export function resolveDataUrl(raw: string, base: string): URL | null {
  if (SCRIPT_LIKE.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url;
}

/**
 * The data files a link names (`?data=`), resolved against the page address `base`: the one
 * place that says which hosts the page will fetch from (e.g. to build a CSP \`connect-src\`).
 * Entries that are refused (see resolveDataUrl) are listed in `refused`, not fetched.
 */
export function dataSourceUrls(search: string, base: string): { urls: URL[]; refused: string[] } {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const urls: URL[] = [];
  const refused: string[] = [];
  for (const raw of q.getAll('data')) {
    if (raw === '') continue;
    const url = resolveDataUrl(raw, base);
    if (url) urls.push(url);
    else refused.push(raw);
  }
  return { urls, refused };
}

/** Flatten a nested params diff into `key.sub` → values (arrays give repeated keys). */
function flatten(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) {
      if (key === 'kpi.weights') out.push([key, v.join(',')]);
      // The key-account standard: one value `revenue:30,gross_profit:25,…` (pairs in order).
      else if (key === STANDARD_KEY)
        out.push([key, (v as [string, number][]).map((p) => p.join(':')).join(',')]);
      else if (v.length === 0) out.push([key, '']);
      else for (const x of v) out.push([key, String(x)]);
    } else if (v !== null && typeof v === 'object') out.push(...flatten(v as Record<string, unknown>, key));
    else out.push([key, v === null ? '' : String(v)]);
  }
  return out;
}

/**
 * Every parameter as `key.sub` → text, in the order of the parameter object (filters left
 * out: they are listed per dimension). For the print cover.
 */
export function paramEntries(params: Params): [string, string][] {
  const { filters: _filters, ...rest } = params;
  return flatten(rest as unknown as Record<string, unknown>).reduce<[string, string][]>((out, [k, v]) => {
    const last = out[out.length - 1];
    // Repeated keys (list values) become one entry.
    if (last && last[0] === k) last[1] += `, ${v}`;
    else out.push([k, v]);
    return out;
  }, []);
}

/** Encode a view as a query string (without `?`): only what differs from the defaults. */
export function encodeView(view: ViewState): string {
  const q = new URLSearchParams();
  if (view.page !== 'overview') q.set('page', view.page);
  for (const d of view.data) q.append('data', d);
  if (view.demo) q.set('demo', '1');
  for (const [k, v] of flatten(diffParams(view.params))) q.append(k, v);
  for (const [k, v] of Object.entries(view.ui).sort()) q.set(`ui.${k}`, v);
  if (view.customer) q.set('customer', view.customer);
  return q.toString();
}

/** Rebuild the typed value of a flattened key from the default's type. */
function typedValue(defaultValue: unknown, raw: string[], key: string): unknown {
  if (key === 'kpi.weights') return raw[0].split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (key === STANDARD_KEY)
    return raw[0] === ''
      ? []
      : raw[0].split(',').map((pair) => {
          const [factor, weight = ''] = pair.split(':');
          return [factor, weight.trim() === '' ? NaN : Number(weight)];
        });
  if (Array.isArray(defaultValue)) return raw.filter((x) => x !== '');
  if (typeof defaultValue === 'number') return raw[0].trim() === '' ? NaN : Number(raw[0]);
  if (typeof defaultValue === 'boolean')
    return raw[0] === 'true' ? true : raw[0] === 'false' ? false : raw[0];
  if (defaultValue === null) {
    if (raw[0] === '') return null;
    // Nullable numbers (receivables.base) travel as numbers.
    return key === 'receivables.base' ? Number(raw[0]) : raw[0];
  }
  return raw[0];
}

/**
 * Decode a query string into a view. Never throws: a bad or stale part is dropped, the rest is
 * kept, and `problems` names what was ignored so the UI can say so.
 */
export function decodeView(
  search: string,
  base = 'http://localhost/',
): { view: ViewState; problems: string[] } {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const view = defaultView();
  const problems: string[] = [];
  const page = q.get('page');
  if (page !== null) {
    if ((PAGES as readonly string[]).includes(page)) view.page = page as PageId;
    else problems.push(`page=${shown(page)}`);
  }
  for (const d of q.getAll('data')) {
    if (d === '') continue;
    if (resolveDataUrl(d, base)) view.data.push(d);
    else problems.push(`data=${shown(d)}`);
  }
  view.demo = q.has('demo') && view.data.length === 0;
  const customer = q.get('customer') || null;
  if (customer !== null && SCRIPT_LIKE.test(customer)) problems.push(`customer=${shown(customer)}`);
  else view.customer = customer;
  const defaults = defaultParams() as unknown as Record<string, unknown>;
  const grouped = new Map<string, string[]>();
  for (const [k, v] of q) {
    if (RESERVED.has(k)) continue;
    if (SCRIPT_LIKE.test(v) || SCRIPT_LIKE.test(k)) {
      problems.push(`${shown(k)}=${shown(v)}`);
      continue;
    }
    if (k.startsWith('ui.')) {
      // A declared page choice with a value the page cannot read is refused and named.
      if (validChoice(k.slice(3), v)) view.ui[k.slice(3)] = v;
      else problems.push(`${shown(k)}=${shown(v)}`);
      continue;
    }
    grouped.set(k, [...(grouped.get(k) ?? []), v]);
  }
  let params: Record<string, unknown> = {};
  for (const [key, raw] of grouped) {
    const [group, sub] = key.split('.', 2);
    const def =
      sub === undefined ? defaults[group] : (defaults[group] as Record<string, unknown> | undefined)?.[sub];
    if (def === undefined && !(group in defaults)) {
      problems.push(shown(key));
      continue;
    }
    const candidate = structuredClone(params);
    const value = typedValue(def, raw, key);
    if (sub === undefined) candidate[group] = value;
    else candidate[group] = { ...((candidate[group] as Record<string, unknown>) ?? {}), [sub]: value };
    try {
      resolveParams(candidate);
      params = candidate;
    } catch (err) {
      problems.push(err instanceof ParamError ? err.key : key);
    }
  }
  view.params = resolveParams(params);
  return { view, problems };
}
