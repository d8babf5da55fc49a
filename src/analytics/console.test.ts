import { describe, expect, it } from 'vitest';
import { checkConsoleSql, ConsoleRefused } from './console';

describe('SQL console guard', () => {
  it('accepts one read statement', () => {
    expect(checkConsoleSql('  SELECT 1; ')).toBe('SELECT 1');
    expect(checkConsoleSql("-- note\nwith x as (select ';' as s) select * from x")).toContain('with x');
    expect(checkConsoleSql('DESCRIBE sales')).toBe('DESCRIBE sales');
  });
  it('refuses writes and several statements', () => {
    expect(() => checkConsoleSql('DROP TABLE sales')).toThrow(ConsoleRefused);
    expect(() => checkConsoleSql('select 1; drop table sales')).toThrow(/oneStatement/);
    expect(() => checkConsoleSql('/* x */ ')).toThrow(/empty/);
    expect(() => checkConsoleSql("COPY sales TO 'x.csv'")).toThrow(/readOnly/);
  });
});
