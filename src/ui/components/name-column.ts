import type { Column } from './table-model';

/**
 * The customer-name column beside a customer id: empty until the names are there (and hidden,
 * like any column without data, when the data names no customer).
 */
export function customerNameColumn<R>(
  label: string,
  names: Map<string, string> | null | undefined,
  idOf: (row: R) => string | null,
): Column<R> {
  return {
    key: 'name',
    label,
    format: 'text',
    value: (r) => {
      const id = idOf(r);
      return id === null ? '' : (names?.get(id) ?? '');
    },
  };
}
