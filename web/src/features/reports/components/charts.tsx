import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';

/** Colour-blind-safe (Okabe–Ito), never the only signal: the legend, labels and table say the same. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#6B6B6B', '#1B2B2E'];

export type Series = { key: string; label: string };
export type Datum = { name: string; label: string } & Record<string, number | string>;

/**
 * A bar segment that says what it is: an accessible label ("Mar 2026, Homelessness: 3 events")
 * and data attributes (data-period, data-series, data-value) a test or a screen reader can find.
 */
const segment =
  (series: Series, describe: (d: Datum, s: Series, v: number) => string) =>
  (p: BarShapeProps): ReactElement => {
    const d = p.payload as Datum;
    const v = Number(d[series.key] ?? 0);
    return (
      <rect
        x={p.x}
        y={p.y}
        width={Math.max(0, p.width ?? 0)}
        height={Math.max(0, p.height ?? 0)}
        fill={p.fill}
        role="img"
        aria-label={describe(d, series, v)}
        data-period={d.name}
        data-series={series.key}
        data-value={v}
      />
    );
  };

const axisTick = { fontSize: 12, fill: '#5a6b6e' };

/** Bars per category (a period, an SPA), stacked when there are several series. */
export function BarsChart({
  data,
  series,
  title,
  describe,
  height = 280,
  stacked = true,
  layout = 'horizontal',
  legend = series.length > 1,
}: {
  data: Datum[];
  series: Series[];
  title: string;
  describe: (d: Datum, s: Series, v: number) => string;
  height?: number;
  stacked?: boolean;
  layout?: 'horizontal' | 'vertical';
  /** Say which colour is which (default: when there are several series). */
  legend?: boolean;
}) {
  const vertical = layout === 'vertical';
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout={layout} title={title} margin={{ top: 8, right: 12, bottom: 4, left: vertical ? 8 : -12 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={axisTick} />
            <YAxis type="category" dataKey="label" width={96} tick={axisTick} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={axisTick} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={axisTick} />
          </>
        )}
        <Tooltip />
        {legend && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? 'a' : undefined}
            fill={PALETTE[i % PALETTE.length]}
            isAnimationActive={false}
            shape={segment(s, describe)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Counts as bars (left axis) and rates as lines in percent (right axis), per period. */
export function BarsAndRatesChart({
  data,
  bars,
  lines,
  title,
  describe,
  height = 300,
}: {
  data: Datum[];
  bars: Series[];
  lines: Series[];
  title: string;
  describe: (d: Datum, s: Series, v: number) => string;
  height?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} title={title} margin={{ top: 8, right: 0, bottom: 4, left: -12 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} interval="preserveStartEnd" />
        <YAxis yAxisId="n" allowDecimals={false} tick={axisTick} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit="%" tick={axisTick} width={44} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {bars.map((s, i) => (
          <Bar
            key={s.key}
            yAxisId="n"
            dataKey={s.key}
            name={s.label}
            fill={PALETTE[(i + 4) % PALETTE.length]}
            isAnimationActive={false}
            shape={segment(s, describe)}
          />
        ))}
        {lines.map((s, i) => (
          <Line
            key={s.key}
            yAxisId="pct"
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={PALETTE[i % PALETTE.length]}
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
