import { explainTier, type TierPart } from '../../analytics/kpi-explain';
import type { KpiResult, KpiScored } from '../../analytics/kpi';
import type { I18n } from '../../state/i18n.svelte';
import type { MessageKey } from '../../i18n/messages/en';

/** A KPI metric's name in running text (`plan fulfilment`), by position 0–3. */
export const metricName = (i18n: I18n, i: number): string => i18n.t(`kpi.r${i + 1}` as MessageKey);

/** A KPI metric's name as a column header (`Plan fulfilment`), by position 0–3. */
export const metricTitle = (i18n: I18n, i: number): string => i18n.t(`kpi.col${i + 1}` as MessageKey);

/**
 * The one-line "why this tier" of a scored row: its strongest and weakest weighted part (from
 * `explainTier`, analytics) in words, and the forced-C rule when it applied. Formatting only.
 */
export function whyTierText(
  i18n: I18n,
  row: Pick<KpiScored, 'parts' | 'forcedC' | 'missedMonths' | 'scoreTier'>,
  appliedWeights: KpiResult['appliedWeights'],
): string {
  const { strongest, weakest } = explainTier({ parts: row.parts, weights: appliedWeights });
  const pts = (p: TierPart) => ({
    name: metricName(i18n, p.metric),
    p: i18n.num(p.points, 1),
    w: i18n.num(p.weight, 1),
  });
  const parts: string[] = [];
  if (strongest && weakest) {
    const s = pts(strongest);
    const w = pts(weakest);
    parts.push(i18n.t('kpi.why', { strong: s.name, sp: s.p, sw: s.w, weak: w.name, wp: w.p, ww: w.w }));
  } else if (strongest) {
    const s = pts(strongest);
    parts.push(i18n.t('kpi.whyOne', { strong: s.name, sp: s.p, sw: s.w }));
  }
  if (row.forcedC)
    parts.push(i18n.t('kpi.whyForced', { months: row.missedMonths.join(', '), tier: row.scoreTier }));
  return parts.join(' · ');
}
