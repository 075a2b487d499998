import { describe, expect, it } from "vitest";
import { annotationText, sanitizeAnnotationHtml } from "@/server/buildkite/annotation-html";

const artifacts = new Map([
  ["reports/coverage.html", "/api/v1/download/1"],
  ["shots/login fail.png", "/api/v1/download/2"],
]);
const clean = (html: string) => sanitizeAnnotationHtml(html, (path) => artifacts.get(path) ?? null);

describe("sanitizeAnnotationHtml", () => {
  it("keeps Buildkite's Markdown output", () => {
    expect(
      clean("<h3>Tests</h3><p><strong>3</strong> failed in <code>auth.test.ts</code></p><ul><li>one</li></ul>"),
    ).toBe("<h3>Tests</h3><p><strong>3</strong> failed in <code>auth.test.ts</code></p><ul><li>one</li></ul>");
  });

  it("removes scripts, styles, frames, forms, handlers, classes and script URLs", () => {
    const html = clean(
      `<script>alert(1)</script><style>body{display:none}</style><iframe src="https://evil.example"></iframe>` +
        `<form action="https://evil.example"><input name="x"></form><p class="fixed inset-0" style="color:red" onclick="alert(1)">hi</p>` +
        `<a href="javascript:alert(1)">x</a><a href="JaVaScRiPt:alert(1)">y</a><img src="x" onerror="alert(1)"><a href="data:text/html,<script>">z</a>`,
    );
    expect(html).not.toMatch(/script|style|iframe|form|input|onclick|onerror|class=|javascript|data:/i);
    expect(html).toContain("<p>hi</p>");
  });

  it("points artifact links and images at the console's downloads, and drops unknown or relative targets", () => {
    const html = clean(
      `<a href="artifact://reports/coverage.html">coverage</a><img src="artifact://shots/login%20fail.png" alt="login">` +
        `<a href="artifact://missing.txt">missing</a><img src="/builds/web/x"><a href="../settings">settings</a>`,
    );
    expect(html).toContain(
      `<a href="/api/v1/download/1" rel="noopener noreferrer nofollow" target="_blank">coverage</a>`,
    );
    expect(html).toContain(`<img alt="login" src="/api/v1/download/2" referrerpolicy="no-referrer" />`);
    expect(html).toContain("<span>missing</span>");
    expect(html).toContain(`<img alt="" referrerpolicy="no-referrer" />`);
    expect(html).toContain("<span>settings</span>");
    expect(html).not.toMatch(/<a(?![^>]*href)/);
  });

  it("turns a link with no target into plain text, keeping its title", () => {
    expect(clean(`<p>see <a title="the report">the report</a> and <a name="x">here</a></p>`)).toBe(
      `<p>see <span title="the report">the report</span> and <span>here</span></p>`,
    );
  });

  it("opens outside links in a new tab without a referrer", () => {
    expect(clean(`<a href="https://buildkite.com/docs">docs</a>`)).toBe(
      `<a href="https://buildkite.com/docs" rel="noopener noreferrer nofollow" target="_blank">docs</a>`,
    );
  });
});

describe("annotationText", () => {
  it("gives the text alone", () => {
    expect(annotationText("<p>3 <b>tests</b>\n failed</p><script>x</script>")).toBe("3 tests failed");
  });
});
