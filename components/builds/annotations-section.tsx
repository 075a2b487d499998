import { CircleAlert, CircleCheck, CircleX, Info } from "lucide-react";
import type { Annotation } from "@/lib/schemas/builds";

// Annotations in Buildkite's order (highest priority first, then oldest first), each framed by its style.

const styles = {
  success: {
    label: "Success",
    Icon: CircleCheck,
    frame: "border-l-emerald-600 dark:border-l-emerald-400",
    icon: "text-emerald-700 dark:text-emerald-300",
  },
  info: {
    label: "Info",
    Icon: Info,
    frame: "border-l-blue-600 dark:border-l-blue-400",
    icon: "text-blue-700 dark:text-blue-300",
  },
  warning: {
    label: "Warning",
    Icon: CircleAlert,
    frame: "border-l-amber-500 dark:border-l-amber-400",
    icon: "text-amber-700 dark:text-amber-300",
  },
  error: {
    label: "Error",
    Icon: CircleX,
    frame: "border-l-red-600 dark:border-l-red-400",
    icon: "text-red-700 dark:text-red-300",
  },
} as const;

export function orderAnnotations(annotations: readonly Annotation[]): Annotation[] {
  const at = (annotation: Annotation) => Date.parse(annotation.createdAt ?? "") || 0;
  return [...annotations].sort((a, b) => b.priority - a.priority || at(a) - at(b));
}

/**
 * Styles for the annotation's own markup (headings, lists, code, tables, images) so it reads like
 * Buildkite's, and limits so nothing in it can leave its box: long words, code and table cells wrap
 * rather than scroll (a scrolling block with nothing focusable in it cannot be scrolled by keyboard), and
 * `contain: layout paint` keeps even positioned elements inside the frame.
 */
const bodyClass = [
  "annotation-body relative max-w-full overflow-x-auto break-words text-sm leading-relaxed [contain:layout_paint] [overflow-wrap:anywhere]",
  "[&_a]:text-blue-700 [&_a]:underline dark:[&_a]:text-blue-400",
  "[&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_p]:my-1.5 [&_ul]:my-1.5 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1.5 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs dark:[&_code]:bg-zinc-800",
  "[&_pre]:my-2 [&_pre]:whitespace-pre-wrap [&_pre]:rounded [&_pre]:bg-zinc-100 [&_pre]:p-2 [&_pre]:text-xs dark:[&_pre]:bg-zinc-800",
  "[&_img]:inline [&_img]:h-auto [&_img]:max-w-full",
  "[&_table]:my-2 [&_table]:w-full [&_table]:table-fixed [&_td]:border [&_td]:border-zinc-200 [&_td]:px-2 [&_th]:border [&_th]:border-zinc-200 [&_th]:px-2 dark:[&_td]:border-zinc-700 dark:[&_th]:border-zinc-700",
].join(" ");

function AnnotationCard({ annotation }: { annotation: Annotation }) {
  const style = styles[annotation.style];
  const headingId = `annotation-${annotation.id}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="annotation"
      data-style={annotation.style}
      className={`min-w-0 rounded-lg border border-l-4 border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 ${style.frame}`}
    >
      <h3 id={headingId} className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <style.Icon aria-hidden className={`size-4 shrink-0 ${style.icon}`} />
        <span>{style.label}</span>
        <span className="min-w-0 truncate font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">
          {annotation.context}
        </span>
      </h3>
      <div
        className={bodyClass}
        // Safe: bodyHtml is sanitised by the console's server (server/buildkite/annotation-html.ts, an allow
        // list of tags, attributes and URL schemes via sanitize-html) before it is sent; the browser never
        // receives Buildkite's raw annotation HTML. This is the only place the page renders server HTML.
        dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }}
      />
    </article>
  );
}

export function AnnotationsList({ annotations }: { annotations: readonly Annotation[] }) {
  if (annotations.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">This build has no annotations.</p>;
  return (
    <div className="space-y-3">
      {orderAnnotations(annotations).map((annotation) => (
        <AnnotationCard key={annotation.id} annotation={annotation} />
      ))}
    </div>
  );
}
