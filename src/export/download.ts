/**
 * Save bytes as a file through a temporary object URL and an `<a download>` click. Works on a
 * plain-http intranet page (no File System Access API needed) and sends nothing anywhere.
 */
export function downloadBytes(name: string, data: string | Uint8Array, type: string): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A safe file name from a title: keeps letters (any script), digits, `-_.`. */
export function fileName(base: string, ext: string): string {
  const clean = base.replace(/[^\p{L}\p{N}\-_.]+/gu, '_').replace(/^_+|_+$/g, '') || 'export';
  return `${clean}.${ext}`;
}
