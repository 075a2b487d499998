import v8 from "node:v8";
import vm from "node:vm";
import Anser from "anser";
import { AnsiUp } from "ansi_up";
import Convert from "ansi-to-html";
import { styleToCssText } from "../../lib/log/colours";
import { createLogParser } from "../../lib/log/parser";
import type { LogLine, TextStyle } from "../../lib/log/types";
import { startSimulator } from "../../server/simulator";
import { printTable } from "./support";

// Log parser throughput (issue 4): our streaming terminal parser beside three ANSI-to-HTML libraries from npm,
// in one run, on (a) the simulator's 100 MB CI log (bk timestamps, groups, colour, `\r` progress bars,
// docker-pull style cursor-up redraws, links) and (b) a ~20 MB colour-heavy log generated here (SGR on
// nearly every word, 256 and truecolour). Also the peak heap our parser adds
// while streaming the 100 MB log in 64 KiB pieces (the pieces' output dropped, as a streaming reader would).
//
// How each is fed: our parser and ansi_up keep state between calls, so they get the same 64 KiB pieces
// (cut anywhere). anser has no state between calls and ansi-to-html keeps only colours (`stream: true`), so
// they get ~64 KiB pieces cut after a newline, which keeps their escape sequences whole. The libraries do less
// work than we do (no `\r` overwrite, no cursor movement, no rows, APC timestamps left in or dropped), so the
// comparison flatters them. Slow runs stop after TIME_BUDGET_MS and are rated on what they got through.

const PIECE = 64 * 1024;
const COLOUR_BYTES = 20 * 1024 * 1024;
const TIME_BUDGET_MS = 10_000;
const ROUNDS = 3;
const MB = 1024 * 1024;

/** A small deterministic PRNG (mulberry32) so every run parses the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "compiling linking module package test passed failed warning src lib index build cache layer download extract resolve install node_modules webpack vitest go cargo rustc gcc clang python pip docker image".split(
    " ",
  );

/** The simulator's 100 MB log, read through its REST API as the console would read it. */
async function simulatorLargeLog(): Promise<string> {
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  try {
    const fixtures = (await (await fetch(`${sim.origin}/__sim/fixtures`)).json()) as {
      largeLog: { pipeline: string; buildNumber: number; jobId: string };
    };
    const { pipeline, buildNumber, jobId } = fixtures.largeLog;
    const response = await fetch(
      `${sim.restApiUrl}/organizations/${sim.org}/pipelines/${pipeline}/builds/${buildNumber}/jobs/${jobId}/log`,
      {
        headers: { authorization: `Bearer ${sim.apiToken}`, accept: "text/plain" },
      },
    );
    if (!response.ok) throw new Error(`the simulator's large log answered ${response.status}`);
    return await response.text();
  } finally {
    await sim.close();
  }
}

function colourHeavyLog(targetBytes: number): string {
  const next = random(7);
  const parts: string[] = [];
  let size = 0;
  let time = 1763630043512;
  while (size < targetBytes) {
    time += 3;
    let out = `\x1b_bk;t=${time}\x07`;
    const words = 8 + Math.floor(next() * 8);
    for (let i = 0; i < words; i++) {
      const word = WORDS[Math.floor(next() * WORDS.length)]!;
      const roll = next();
      if (roll < 0.3) out += `\x1b[38;5;${Math.floor(next() * 256)}m${word}\x1b[0m `;
      else if (roll < 0.6)
        out += `\x1b[38;2;${Math.floor(next() * 256)};${Math.floor(next() * 256)};${Math.floor(next() * 256)}m${word}\x1b[39m `;
      else if (roll < 0.8) out += `\x1b[1;${31 + Math.floor(next() * 7)}m${word}\x1b[22;39m `;
      else if (roll < 0.9) out += `\x1b[48;5;${Math.floor(next() * 256)};4m${word}\x1b[0m `;
      else out += `${word} `;
    }
    out += "\n";
    parts.push(out);
    size += out.length;
  }
  return parts.join("");
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += PIECE) out.push(text.slice(i, i + PIECE));
  return out;
}

function piecesAtNewlines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", Math.min(text.length, start + PIECE));
    end = end < 0 ? text.length : end + 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

const HTML_SPECIAL = /[&<>"']/;
const escapeHtml = (text: string) =>
  HTML_SPECIAL.test(text)
    ? text.replace(/[&<>"']/g, (c) =>
        c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
      )
    : text;

/** Spans to HTML the way a server-rendered viewer would: one `<span style>` (or `<a>`) per span. */
function linesToHtml(lines: LogLine[], cssCache: Map<TextStyle, string>): string {
  let html = "";
  for (const line of lines) {
    for (const span of line.spans) {
      let css = "";
      if (span.style) {
        css = cssCache.get(span.style) ?? "";
        if (!css) {
          css = styleToCssText(span.style);
          // Palette styles are shared objects, worth caching; truecolour ones are built per use, so are not.
          if (span.style.fg?.kind !== "rgb" && span.style.bg?.kind !== "rgb") cssCache.set(span.style, css);
        }
      }
      const text = escapeHtml(span.text);
      const inner = css ? `<span style="${css}">${text}</span>` : text;
      html += span.link ? `<a href="${escapeHtml(span.link)}">${inner}</a>` : inner;
    }
    html += "\n";
  }
  return html;
}

interface Run {
  bytes: number;
  ms: number;
  complete: boolean;
}

/** Feeds pieces to `step` until done or the time budget is spent; `sink` keeps results alive to defeat dead-code elimination. */
function measure(input: string[], step: (piece: string) => number, finish: () => number = () => 0): Run {
  let sink = 0;
  let bytes = 0;
  const start = performance.now();
  let complete = true;
  for (const piece of input) {
    sink += step(piece);
    bytes += piece.length;
    if (performance.now() - start > TIME_BUDGET_MS) {
      complete = false;
      break;
    }
  }
  if (complete) sink += finish();
  const elapsed = performance.now() - start;
  if (sink < 0) console.log(sink);
  return { bytes, ms: elapsed, complete };
}

function contenders(): Record<string, (input: string) => Run> {
  return {
    "ours: rows of spans": (input) => {
      const parser = createLogParser();
      return measure(
        pieces(input),
        (piece) => parser.push(piece).length,
        () => parser.end().length,
      );
    },
    "ours + spans to HTML": (input) => {
      const parser = createLogParser();
      const cache = new Map<TextStyle, string>();
      return measure(
        pieces(input),
        (piece) => linesToHtml(parser.push(piece), cache).length,
        () => linesToHtml(parser.end(), cache).length,
      );
    },
    "ansi_up ansi_to_html": (input) => {
      const ansiUp = new AnsiUp();
      return measure(pieces(input), (piece) => ansiUp.ansi_to_html(piece).length);
    },
    "anser ansiToHtml": (input) => measure(piecesAtNewlines(input), (piece) => Anser.ansiToHtml(piece).length),
    "ansi-to-html toHtml": (input) => {
      const convert = new Convert({ stream: true });
      return measure(piecesAtNewlines(input), (piece) => convert.toHtml(piece).length);
    },
  };
}

const collectGarbage: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

/** Peak heap our parser adds over the input itself while streaming it in 64 KiB pieces. */
function peakStreamingHeap(input: string): number {
  const chunks = pieces(input);
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const parser = createLogParser();
  let rows = 0;
  for (const chunk of chunks) {
    rows += parser.push(chunk).length;
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  }
  rows += parser.end().length;
  if (rows < 0) console.log(rows);
  return peak - baseline;
}

export async function logParser(): Promise<void> {
  const logs: [string, string][] = [
    ["simulator's large CI log", await simulatorLargeLog()],
    ["colour-heavy log", colourHeavyLog(COLOUR_BYTES)],
  ];
  const rows: Record<string, string | number>[] = [];
  for (const [name, input] of logs) {
    const inputMb = Buffer.byteLength(input) / MB;
    // Warm up every contender (JIT) on the first megabyte before measuring.
    for (const run of Object.values(contenders())) run(input.slice(0, MB));
    // Rounds interleave the contenders so a noisy neighbour on the machine hits them all alike; the median is shown.
    const runs = new Map<string, Run[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [contender, run] of Object.entries(contenders())) {
        collectGarbage();
        runs.set(contender, [...(runs.get(contender) ?? []), run(input)]);
      }
    }
    // Rated per character fed; for these mostly-ASCII logs characters and UTF-8 bytes differ by under 1 %.
    const rate = (run: Run) => run.bytes / MB / (run.ms / 1000);
    const results = [...runs].map(([contender, all]) => {
      const rates = all.map(rate).sort((a, b) => a - b);
      return {
        contender,
        mbPerS: rates[Math.floor(rates.length / 2)]!,
        rates,
        complete: all.every((r) => r.complete),
        fed: all[0]!.bytes,
      };
    });
    const ours = results[0]!.mbPerS;
    const oursHtml = results[1]!.mbPerS;
    for (const { contender, mbPerS, rates, complete, fed } of results) {
      rows.push({
        log: `${name} (${inputMb.toFixed(1)} MB)`,
        contender,
        "MB/s (median)": Number(mbPerS.toFixed(1)),
        "min–max": `${rates[0]!.toFixed(0)}–${rates[rates.length - 1]!.toFixed(0)}`,
        "fed MB": `${(fed / MB).toFixed(1)}${complete ? "" : " (time budget)"}`,
        "ours / this": Number((ours / mbPerS).toFixed(2)),
        "ours+HTML / this": Number((oursHtml / mbPerS).toFixed(2)),
      });
    }
  }
  printTable(`Log parser throughput (MB/s, median of ${ROUNDS} interleaved runs, same pieces for everyone)`, rows);
  const peak = peakStreamingHeap(logs[0]![1]);
  printTable("Our parser streaming the simulator's large log in 64 KiB pieces", [
    {
      "input MB": Number((logs[0]![1].length / MB).toFixed(1)),
      "peak heap over the input, MB": Number((peak / MB).toFixed(1)),
    },
  ]);
}
