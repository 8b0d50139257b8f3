import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TargetRun } from './run-target';

/** chart.js's browser build, inlined so the report is one file that opens offline. */
function chartJsSource(): string {
  // The package exports only its modules; its browser build sits beside them in dist/.
  return readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Per target, the phases' seconds one after the other: the series the charts plot. */
function seriesOf(run: TargetRun) {
  return run.phases.flatMap((phase) =>
    phase.series.map((point) => ({
      label: `${phase.name} ${point.second + 1}s`,
      sent: point.sent,
      acked: point.acked,
      delivered: point.delivered,
      ackP50: point.ack.p50Ms,
      ackP99: point.ack.p99Ms,
      deliveryP50: point.delivery.p50Ms,
      deliveryP99: point.delivery.p99Ms,
      deliveryMax: point.delivery.maxMs,
    })),
  );
}

export function htmlReport(title: string, summaryText: string, runs: readonly TargetRun[]): string {
  const data = runs.map((run) => ({ target: run.target, points: seriesOf(run) }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:12px}.chart{height:320px;margin-bottom:2em}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<pre>${escapeHtml(summaryText)}</pre>
<div id="charts"></div>
<script>${chartJsSource()}</script>
<script>
const runs = ${scriptJson(data)};
const charts = document.getElementById('charts');
function chart(title, labels, datasets, yTitle) {
  const heading = document.createElement('h2');
  heading.textContent = title;
  const box = document.createElement('div');
  box.className = 'chart';
  const canvas = document.createElement('canvas');
  box.appendChild(canvas);
  charts.append(heading, box);
  new Chart(canvas, { type: 'line', data: { labels, datasets }, options: { animation: false, maintainAspectRatio: false, pointRadius: 0, scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } } } } });
}
for (const run of runs) {
  const labels = run.points.map((p) => p.label);
  const line = (label, key) => ({ label, data: run.points.map((p) => p[key]), pointRadius: 0, borderWidth: 1.5 });
  chart(run.target + ': latency over time (per second)', labels, [line('ack p50', 'ackP50'), line('ack p99', 'ackP99'), line('delivery p50', 'deliveryP50'), line('delivery p99', 'deliveryP99'), line('delivery max', 'deliveryMax')], 'ms');
  chart(run.target + ': throughput', labels, [line('sent/s', 'sent'), line('acked/s', 'acked'), line('delivered/s', 'delivered')], 'per second');
}
</script>
</body></html>
`;
}
