// Shared with the bkci CLI, which runs in plain Node: no "server-only" import (ESLint keeps it out of browsers).
import sanitizeHtml from "sanitize-html";

/**
 * Annotation bodies are HTML rendered from anyone's Markdown, so they are reduced to inert markup before
 * they reach the browser: no scripts, styles, frames, forms, event handlers or `class`/`style` attributes
 * (a class could lay an annotation over the console), and links only to http(s), mailto or artifacts.
 * `artifact://path` targets become the console's download route for that build's artifact of that path;
 * one the build does not have loses its link but keeps its text, as does any link left without a target.
 */
export function sanitizeAnnotationHtml(html: string, artifactUrl: (path: string) => string | null): string {
  // Only absolute links survive (or artifacts, resolved to the console's own route): a relative one would
  // point into the console itself.
  const resolve = (value: string | undefined, schemes: RegExp): string | undefined => {
    const url = value?.trim();
    if (url === undefined) return undefined;
    if (/^artifact:\/\//i.test(url)) return artifactUrl(safeDecode(url.slice("artifact://".length))) ?? undefined;
    return schemes.test(url) ? url : undefined;
  };
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      "img",
      "details",
      "summary",
      "del",
      "ins",
      "kbd",
      "samp",
      "sup",
      "sub",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      span: ["title"],
      img: ["src", "alt", "title", "width", "height", "referrerpolicy"],
      td: ["align", "colspan", "rowspan"],
      th: ["align", "colspan", "rowspan"],
      ol: ["start"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    transformTags: {
      // A link left with no target (none given, or one that was dropped) is only text: as a `span` it
      // cannot look like a link the reader would try in vain, whatever the page's link styles.
      a: (_tagName, attribs) => {
        const href = resolve(attribs.href, /^(?:https?:|mailto:)/i);
        if (href === undefined) {
          const text: sanitizeHtml.Attributes = attribs.title === undefined ? {} : { title: attribs.title };
          return { tagName: "span", attribs: text };
        }
        const { href: _dropped, ...rest } = attribs;
        return { tagName: "a", attribs: { ...rest, href, rel: "noopener noreferrer nofollow", target: "_blank" } };
      },
      img: (tagName, attribs) => {
        const src = resolve(attribs.src, /^https?:/i);
        const { src: _dropped, ...rest } = attribs;
        // An image without alt text is decoration to a screen reader, not a file name to read out.
        return {
          tagName,
          attribs: { alt: "", ...rest, ...(src === undefined ? {} : { src }), referrerpolicy: "no-referrer" },
        };
      },
    },
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The body's text, for summaries and screen readers. */
export function annotationText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
