import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ActivityChartProps {
  data: readonly { label: string; count: number }[];
  seriesName: string;
}

/**
 * Recharts weighs more than the rest of the page: this file is imported lazily, so the chart
 * library loads only when a timeline is shown. The figure is hidden from assistive technologies;
 * the same numbers are given as a sentence and a table beside it.
 */
export default function ActivityChart({ data, seriesName }: ActivityChartProps) {
  return (
    <div className="activity__chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={[...data]} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#dddddd" />
          <XAxis
            dataKey="label"
            tick={{ fill: "#4d4d4d", fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: "#666666" }}
          />
          <YAxis allowDecimals={false} tick={{ fill: "#4d4d4d", fontSize: 12 }} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: "#ececfe" }} />
          <Bar
            dataKey="count"
            name={seriesName}
            fill="#000091"
            radius={[2, 2, 0, 0]}
            maxBarSize={48}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
