/**
 * The key of a query's answer in a view snapshot of format 2: a 53-bit hash of the SQL text
 * (cyrb53, public domain), about 11 characters instead of the text itself (hundreds). The
 * reviewer's page hashes the SQL it asks and looks the answer up; SQL texts are only lookup keys
 * and nothing from a link is executed. Collisions among the few hundred queries of a view are
 * negligible (~1e-11), and a crafted link can only change the numbers of its own view anyway.
 */
export function sqlHash(sql: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
