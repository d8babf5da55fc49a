import type { Column } from './table-model';

/**
 * The customer-name column beside a customer id: empty until the names are there (and hidden,
 * like any column without data, when the data names no customer).
 */
export function customerNameColumn<R>(
  label: string,
  names: Map<string, string> | null | undefined,
  idOf: (row: R) => string | null,
  /** The row's own name, shown until the names are there (an analysis that reads names itself). */
  own?: (row: R) => string | null,
): Column<R> {
  return nameColumn('name', label, names, idOf, own);
}

/** The product-name column beside a product id (as customerNameColumn). */
export function productNameColumn<R>(
  label: string,
  names: Map<string, string> | null | undefined,
  idOf: (row: R) => string | null,
): Column<R> {
  return nameColumn('product_name', label, names, idOf);
}

function nameColumn<R>(
  key: string,
  label: string,
  names: Map<string, string> | null | undefined,
  idOf: (row: R) => string | null,
  own?: (row: R) => string | null,
): Column<R> {
  return {
    key,
    label,
    format: 'text',
    value: (r) => {
      const id = idOf(r);
      return (id === null ? null : names?.get(id)) ?? own?.(r) ?? '';
    },
  };
}
