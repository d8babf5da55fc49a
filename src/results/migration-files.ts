import type { MigrationResult } from '../analytics/abc-migration';
import { csvText, type Text } from '../export/csv';

/**
 * abc_migration.csv: every customer ranked in either period, by id; `new` / `gone` as an empty
 * class. Null (not written) when the data does not cover the earlier period.
 */
export function migrationCsv(m: MigrationResult): Text | null {
  if (!m.compare.covered) return null;
  return csvText(
    ['customer_id', 'class_before', 'class_now', 'value_before', 'value_now'],
    m.rows.map((r) => [r.customerId, r.classBefore, r.classNow, r.valueBefore, r.valueNow]),
  );
}
