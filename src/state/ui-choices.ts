/**
 * Page-level choices a link carries (`ui.<key>` in the URL): each declared once with its type, so
 * a link cannot carry a value the page would misread. Keys not declared here still travel as
 * text (a page may add a choice before declaring it), but a declared key with a bad value is
 * refused and named, like a bad parameter.
 */
import { STAGES } from '../analytics/lifecycle-sql';

/** How one choice is checked. */
export type ChoiceSpec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'text'; max: number };

const DIMENSIONS = ['customer', 'product', 'category', 'region', 'channel', 'sales_rep', 'customer_type'];

/** Every declared page choice. */
export const UI_CHOICES: Record<string, ChoiceSpec> = {
  'pareto.entity': { kind: 'enum', values: DIMENSIONS },
  'customers.grain': { kind: 'enum', values: ['month', 'quarter', 'year'] },
  'lifecycle.stage': { kind: 'enum', values: STAGES },
  'rfm.cell': { kind: 'text', max: 8 },
  'turnover.quadrant': { kind: 'enum', values: ['promote', 'high_margin', 'high_turnover', 'review'] },
  'targets.by': { kind: 'enum', values: ['total', ...DIMENSIONS.filter((d) => d !== 'customer_type')] },
  'targets.year': { kind: 'int', min: 1900, max: 2999 },
  /** The annual target of the decomposition: 0 is a target (not "unset"). */
  'targets.amount': { kind: 'number', min: 0, max: Number.MAX_VALUE },
  'targets.method': { kind: 'enum', values: ['seasonal', 'even'] },
  'targets.split': {
    kind: 'enum',
    values: ['product', 'category', 'region', 'channel', 'customer', 'sales_rep'],
  },
  'targets.adj': { kind: 'text', max: 4000 },
  /** Key-account list: a tier (`keys` = strategic and key), the master's sub-classes, a sales rep. */
  'key.tier': { kind: 'enum', values: ['keys', 'strategic', 'key', 'regular'] },
  'key.scope': { kind: 'text', max: 200 },
  'key.partnership': { kind: 'text', max: 200 },
  'key.rep': { kind: 'text', max: 200 },
};

/** Whether a value is valid for a declared choice (undeclared keys: any text). */
export function validChoice(key: string, value: string): boolean {
  const spec = UI_CHOICES[key];
  if (!spec) return true;
  switch (spec.kind) {
    case 'enum':
      return spec.values.includes(value);
    case 'int':
    case 'number': {
      if (value.trim() === '') return false;
      const n = Number(value);
      return (
        Number.isFinite(n) &&
        n >= spec.min &&
        n <= spec.max &&
        (spec.kind === 'number' || Number.isInteger(n))
      );
    }
    case 'text':
      return value.length <= spec.max;
  }
}
