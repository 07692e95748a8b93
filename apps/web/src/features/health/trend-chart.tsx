import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendChartProps {
  rows: ReadonlyArray<Record<string, string | number | null>>;
  series: ReadonlyArray<{ key: string; name: string }>;
  /** Shares are drawn on a 0–100 % axis. */
  share: boolean;
  formatValue: (value: number) => string;
}

/** Contrasting on white (AA) and told apart by the legend and the table as well as by colour. */
const COLOURS = ["#000091", "#18753c", "#b34000"];

/**
 * Loaded lazily with Recharts, which weighs more than the rest of the sheet. Hidden from assistive
 * technologies: the table beside it carries the same values.
 */
export default function TrendChart({ rows, series, share, formatValue }: TrendChartProps) {
  return (
    <div className="health-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={170}>
        <BarChart data={[...rows]} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid vertical={false} stroke="#dddddd" />
          <XAxis
            dataKey="period"
            tick={{ fill: "#4d4d4d", fontSize: 11 }}
            tickLine={false}
            axisLine={{ stroke: "#666666" }}
          />
          <YAxis
            domain={share ? [0, 1] : [0, "auto"]}
            allowDecimals={share}
            tickFormatter={formatValue}
            tick={{ fill: "#4d4d4d", fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={56}
          />
          <Tooltip formatter={(value) => (typeof value === "number" ? formatValue(value) : String(value))} />
          {series.length > 1 && <Legend formatter={(value) => <span className="health-chart__legend">{value}</span>} />}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={COLOURS[i % COLOURS.length]}
              radius={[2, 2, 0, 0]}
              maxBarSize={28}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
