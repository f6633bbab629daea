"use client";

import type { BarShapeProps } from "recharts";

/** Axis styling that follows the theme in light and dark. */
export const axisProps = {
  stroke: "var(--chart-grid)",
  tick: { fill: "var(--chart-text)", fontSize: 12 },
  tickLine: false,
} as const;

export const tooltipProps = {
  cursor: { fill: "var(--muted)", opacity: 0.5 },
  contentStyle: { background: "var(--card)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 },
  labelStyle: { color: "var(--foreground)" },
  itemStyle: { color: "var(--foreground)" },
} as const;

/** A plain bar segment that names itself (data-segment), so a segment can be found and tested. */
export function SegmentShape({ x, y, width, height, fill, segment }: BarShapeProps & { segment: string }) {
  if (!width || !height) return null;
  return <rect x={x} y={y} width={width} height={height} fill={fill} data-segment={segment} />;
}

/** Legend in series order, its text in the body colour (series colours are too light to read as text). */
export const legendProps = {
  itemSorter: null,
  wrapperStyle: { fontSize: 12 },
  formatter: (value: unknown) => <span style={{ color: "var(--foreground)" }}>{String(value)}</span>,
} as const;
