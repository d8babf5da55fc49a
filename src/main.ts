import { mount } from 'svelte';
import { setForecastRunner } from './analytics/forecast/runner';
import { startEarlyEngine } from './state/early-engine';
import { forecastInWorker } from './state/forecast-worker';
import './ui/global.css';

// public/csp.js narrows connect-src before this script runs (docs/security.md). Without it the
// page could connect to any http(s) host, so the app does not start and says why.
if (document.querySelector('meta[http-equiv="Content-Security-Policy"][data-connect-policy]')) {
  // DuckDB starts first; the app's own code (its own chunk) downloads and compiles meanwhile.
  performance.mark('sw:main');
  startEarlyEngine();
  // The value forecast's fit (a second or more at 1 M rows) runs in a worker, never in the page.
  setForecastRunner(forecastInWorker);
  void import('./ui/App.svelte').then(({ default: App }) => {
    performance.mark('sw:app-code');
    mount(App, { target: document.getElementById('app')! });
  });
} else {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent =
    'This copy of Sales Workbench is incomplete (csp.js is missing): ask IT to copy the whole folder. · ' +
    '此销售分析工作台副本不完整（缺少 csp.js），请让 IT 复制整个文件夹。';
  document.getElementById('app')!.append(p);
}
