import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's Chromium lives; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch headless Chromium the way the tests need it: the intranet host name `intranet.test`
 * resolves to this machine, so the page is served over plain http from a non-localhost origin
 * (not a secure context: no OPFS, no Clipboard API, as on a real intranet).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH to a Chromium/Chrome binary).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // files.intranet.test: a second intranet host serving data files (review links by URL).
      '--host-resolver-rules=MAP intranet.test 127.0.0.1, MAP files.intranet.test 127.0.0.1',
      ...extraArgs,
    ],
  });
}
