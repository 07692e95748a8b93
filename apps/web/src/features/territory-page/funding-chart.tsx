import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface FundingChartProps {
  rows: readonly { label: string; requested: number; granted: number; paid: number }[];
  series: { requested: string; granted: string; paid: string };
  euros: (cents: number) => string;
}

/** The legend lists the series in the bars' order (Recharts sorts it alphabetically by default). */
const SERIES_ORDER = ["requested", "granted", "paid"];

/** Loaded lazily with Recharts. Hidden from assistive technologies: the table beside it carries the same amounts. */
export default function FundingChart({ rows, series, euros }: FundingChartProps) {
  const height = Math.max(160, rows.length * 56 + 60);
  return (
    <div className="funding__chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={[...rows]} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 24 }}>
          <CartesianGrid horizontal={false} stroke="#dddddd" />
          <XAxis type="number" tickFormatter={euros} tick={{ fill: "#4d4d4d", fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fill: "#161616", fontSize: 13 }} />
          <Tooltip formatter={(value) => (typeof value === "number" ? euros(value) : String(value))} />
          <Legend
            itemSorter={(item) => SERIES_ORDER.indexOf(String(item.dataKey))}
            formatter={(value) => <span className="funding__legend">{value}</span>}
          />
          <Bar dataKey="requested" name={series.requested} fill="#8585f6" isAnimationActive={false} />
          <Bar dataKey="granted" name={series.granted} fill="#000091" isAnimationActive={false} />
          <Bar dataKey="paid" name={series.paid} fill="#18753c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
