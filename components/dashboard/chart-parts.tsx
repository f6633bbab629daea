"use client";

import type { BarShapeProps } from "recharts";
import { wrapLabel } from "./wrap-label";

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

interface WrappedTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  fontSize?: number;
  maxChars: number;
}

/**
 * A category-axis label on at most two lines with an ellipsis (long labels ran into each other),
 * the full text as its tooltip. Its colour is the text colour, not the axis line's that recharts hands
 * a tick.
 */
export function WrappedTick({ x, y, payload, fontSize = 11, maxChars }: WrappedTickProps) {
  const text = String(payload?.value ?? "");
  const lines = wrapLabel(text, maxChars);
  const lineHeight = fontSize * 1.2;
  const first = 0.35 * fontSize - ((lines.length - 1) * lineHeight) / 2;
  return (
    <g transform={`translate(${Number(x ?? 0)},${Number(y ?? 0)})`} data-axis-label={text}>
      <title>{text}</title>
      <text textAnchor="end" fill="var(--chart-text)" fontSize={fontSize}>
        {lines.map((line, i) => (
          <tspan key={i} x={0} dy={i === 0 ? first : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
