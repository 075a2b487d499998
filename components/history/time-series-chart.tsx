"use client";

import "uplot/dist/uPlot.min.css";
import { useEffect, useMemo, useRef } from "react";
import type uPlot from "uplot";
import type { QueueSample } from "@/lib/schemas/queue-history";
import { useResolvedTheme } from "@/components/ui/use-resolved-theme";
import { chartPalettes, type ChartPalette } from "./chart-palette";

// Why uPlot (1.6.32): 52.0 KB minified, 23.0 KB gzipped (+0.8 KB of CSS), measured with esbuild. It draws on
// a canvas, one path per series, so even 7 days of raw minute samples (10,080 points) would add no DOM node
// per point (the history route buckets long ranges to a few hundred anyway). The alternatives weighed:
// d3-scale + d3-shape is 19.4 KB gzipped but leaves axes, ticks, resizing and theming to hand-written code
// and puts every point in the SVG; Recharts is 117.9 KB gzipped (without React) and renders SVG through React
// on every update. uPlot injects no <style> or <script> (its layout CSS is the imported stylesheet, bundled
// with the app's own); it sizes its elements through the CSSOM, which the page's CSP allows. It needs a DOM,
// so it is imported and drawn only after mount: the server and the hydrating render show the same empty box,
// and no hydration mismatch is possible. A canvas follows no CSS, so the chart redraws with the other palette
// when the theme changes.

export interface TimeSeriesChartProps {
  samples: readonly QueueSample[];
  value: (sample: QueueSample) => number;
  /** The y axis' tick labels. */
  formatTick?: (value: number) => string;
  /** The x axis' tick labels, from ms: the clock the captions use, in the browser's time zone. */
  formatTime?: (ms: number) => string;
  height: number;
  /** A sparkline: no axes or grid. */
  compact?: boolean;
}

type Columns = [number[], number[]];

const toColumns = (samples: readonly QueueSample[], value: (sample: QueueSample) => number): Columns => [
  samples.map((sample) => Date.parse(sample.at) / 1000),
  samples.map(value),
];

/** Shades the minutes dispatch was paused, under the line, so a flat backlog reads as "held", not "idle". */
function shadePaused(plot: uPlot, samples: readonly QueueSample[], colour: string) {
  const times = plot.data[0];
  const { ctx, bbox } = plot;
  ctx.save();
  ctx.fillStyle = colour;
  samples.forEach((sample, index) => {
    if (!sample.paused) return;
    const from = times[index];
    const to = times[index + 1] ?? (from === undefined ? undefined : from + 60);
    if (from === undefined || to === undefined) return;
    const left = plot.valToPos(from, "x", true);
    ctx.fillRect(left, bbox.top, Math.max(1, plot.valToPos(to, "x", true) - left), bbox.height);
  });
  ctx.restore();
}

function chartOptions(
  width: number,
  {
    height,
    compact,
    formatTick,
    formatTime,
  }: Pick<TimeSeriesChartProps, "height" | "compact" | "formatTick" | "formatTime">,
  palette: ChartPalette,
  samples: () => readonly QueueSample[],
): uPlot.Options {
  const axis = (side: "x" | "y"): uPlot.Axis => ({
    show: !compact,
    stroke: palette.axis,
    font: "11px system-ui, sans-serif",
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1, size: 4 },
    ...(side === "y" && formatTick ? { values: (_plot, ticks) => ticks.map(formatTick), size: 44 } : {}),
    ...(side === "x" && formatTime ? { values: (_plot, ticks) => ticks.map((tick) => formatTime(tick * 1000)) } : {}),
  });
  return {
    width,
    height,
    padding: compact ? [2, 0, 2, 0] : [8, 8, 0, 0],
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: true },
      // Counts and waits start at zero, so a small change does not look like a cliff.
      y: { range: (_plot, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [axis("x"), axis("y")],
    series: [{}, { stroke: palette.line, fill: palette.fill, width: compact ? 1.5 : 2, points: { show: false } }],
    hooks: { drawClear: [(plot) => shadePaused(plot, samples(), palette.paused)] },
  };
}

export function TimeSeriesChart({
  samples,
  value,
  formatTick,
  formatTime,
  height,
  compact = false,
}: TimeSeriesChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const theme = useResolvedTheme();
  const columns = useMemo(() => toColumns(samples, value), [samples, value]);
  // The plot is built once per theme and size; newer data reaches it through these refs and setData.
  const latest = useRef({ columns, samples });
  useEffect(() => {
    latest.current = { columns, samples };
    plotRef.current?.setData(columns);
  }, [columns, samples]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let cancelled = false;
    const resize = new ResizeObserver(([entry]) => {
      if (entry) plotRef.current?.setSize({ width: Math.floor(entry.contentRect.width), height });
    });
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const options = chartOptions(
        box.clientWidth,
        { height, compact, formatTick, formatTime },
        chartPalettes[theme],
        () => latest.current.samples,
      );
      plotRef.current = new UPlot(options, latest.current.columns, box);
      resize.observe(box);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      plotRef.current?.destroy();
      plotRef.current = null;
    };
  }, [theme, height, compact, formatTick, formatTime]);

  // The figure around it carries the words; the canvas is a picture of them.
  return (
    <div ref={boxRef} aria-hidden="true" className="w-full overflow-hidden" style={{ height }} data-chart="uplot" />
  );
}
