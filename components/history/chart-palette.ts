import type { Theme } from "@/lib/theme";

// Canvas colours per theme, from Tailwind's palette so the charts sit with the page around them. Axis text
// is zinc-600 on white and zinc-300 on zinc-900 (both above 4.5:1); lines are blue-600 / blue-400, above
// 3:1 against their card as WCAG asks of graphics.

export interface ChartPalette {
  axis: string;
  grid: string;
  line: string;
  fill: string;
  paused: string;
}

export const chartPalettes: Record<Theme, ChartPalette> = {
  light: {
    axis: "#52525b",
    grid: "rgba(113, 113, 122, 0.2)",
    line: "#2563eb",
    fill: "rgba(37, 99, 235, 0.12)",
    paused: "rgba(220, 38, 38, 0.12)",
  },
  dark: {
    axis: "#d4d4d8",
    grid: "rgba(161, 161, 170, 0.2)",
    line: "#60a5fa",
    fill: "rgba(96, 165, 250, 0.18)",
    paused: "rgba(248, 113, 113, 0.18)",
  },
};
