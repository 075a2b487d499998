// ansi-to-html ships no types; the benchmark uses only this much of it.
declare module "ansi-to-html" {
  interface ConvertOptions {
    fg?: string;
    bg?: string;
    newline?: boolean;
    escapeXML?: boolean;
    stream?: boolean;
  }
  export default class Convert {
    constructor(options?: ConvertOptions);
    toHtml(input: string): string;
  }
}
