/**
 * A chart on screen → a standalone SVG file or a PNG picture, made in the browser (nothing is
 * sent anywhere). Plot draws a chart with a legend as a <figure>: an HTML row of swatches above
 * the plot's <svg>. The standalone SVG places every part where the page lays it out: each <svg>
 * nested at its position, each swatch as a square and its label, so the file looks like the
 * screen. Colours and fonts that the page sets by CSS are written in.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Margin around the chart in the file, in CSS pixels. */
export const PAD = 10;

/** Escape text for XML attributes and text nodes. */
function xml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** Round a layout number (CSS pixels) to keep the file small and stable. */
const r = (v: number) => Math.round(v * 10) / 10;

/** What a downloaded picture says above the chart: its title, then lines such as period and filters. */
export interface ChartCaption {
  title: string;
  lines: string[];
}

/** Height of the caption block in CSS pixels (title 16 px a line, others 14 px, a gap below). */
function captionHeight(c: ChartCaption | undefined): number {
  return c ? 20 + 16 * c.lines.length + 8 : 0;
}

/**
 * A chart as a standalone picture: its SVG text and its size in CSS pixels, with the caption
 * (title, period, filters) drawn above it, so a picture pasted into a report says what it shows.
 */
export function chartImage(
  root: Element,
  caption?: ChartCaption,
): { svg: string; width: number; height: number } {
  const box = root.getBoundingClientRect();
  const top = captionHeight(caption);
  const svg = chartSvg(root, caption);
  return { svg, width: box.width + 2 * PAD, height: box.height + 2 * PAD + top };
}

/**
 * The standalone SVG of a chart element (a Plot <svg> or <figure>), sized as laid out on screen.
 * Must be called while the element is in the document (it reads the layout).
 */
export function chartSvg(root: Element, caption?: ChartCaption): string {
  const box = root.getBoundingClientRect();
  const style = getComputedStyle(root);
  const parts: string[] = [];
  const svgs = root instanceof SVGSVGElement ? [root] : [...root.querySelectorAll('svg')];
  for (const svg of svgs) {
    // A swatch's tiny <svg> is drawn with its label below; skip it here.
    if (svg.closest('[class$="-swatch"]')) continue;
    const b = svg.getBoundingClientRect();
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(r(b.left - box.left)));
    copy.setAttribute('y', String(r(b.top - box.top)));
    copy.setAttribute('width', String(r(b.width)));
    copy.setAttribute('height', String(r(b.height)));
    if (!copy.hasAttribute('viewBox') && svg.width.baseVal.value && svg.height.baseVal.value)
      copy.setAttribute('viewBox', `0 0 ${svg.width.baseVal.value} ${svg.height.baseVal.value}`);
    parts.push(new XMLSerializer().serializeToString(copy));
  }
  for (const swatch of root.querySelectorAll('[class$="-swatch"]')) {
    const mark = swatch.querySelector('svg');
    const label = swatch.textContent?.trim() ?? '';
    const sb = (mark ?? swatch).getBoundingClientRect();
    const fill =
      mark?.getAttribute('fill') ?? mark?.querySelector('[fill]')?.getAttribute('fill') ?? 'currentColor';
    const x = r(sb.left - box.left);
    const y = r(sb.top - box.top);
    parts.push(
      `<rect x="${x}" y="${y}" width="${r(sb.width)}" height="${r(sb.height)}" fill="${xml(fill)}"/>`,
    );
    const font = getComputedStyle(swatch).fontSize;
    parts.push(
      `<text x="${r(x + sb.width + 5)}" y="${r(y + sb.height / 2)}" dy="0.35em" font-size="${xml(font)}">${xml(label)}</text>`,
    );
  }
  // A white margin: axis labels and the legend sit at the very edge of Plot's layout.
  const top = captionHeight(caption);
  const w = r(box.width + 2 * PAD);
  const h = r(box.height + 2 * PAD + top);
  const head = caption
    ? `<g class="caption"><text x="${PAD}" y="${PAD + 14}" font-size="14" font-weight="bold">${xml(caption.title)}</text>` +
      caption.lines
        .map((l, i) => `<text x="${PAD}" y="${PAD + 32 + 16 * i}" font-size="11">${xml(l)}</text>`)
        .join('') +
      '</g>'
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" ` +
    `font-family="${xml(style.fontFamily)}" font-size="10" style="color: ${xml(style.color)}" fill="currentColor">` +
    `<rect width="100%" height="100%" fill="white"/>${head}<g transform="translate(${PAD},${PAD + top})">${parts.join('')}</g></svg>\n`
  );
}

/** Draw an SVG text into a PNG at `scale` times its size (2 = sharp on high-density screens and in print). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('the chart could not be drawn as a picture'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw pictures (no canvas)');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the picture could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
