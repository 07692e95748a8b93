import { numberFormat } from "@trame/core";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface FinancingChartProps {
  lines: readonly { label: string; grantedEuros: number; requestedEuros: number }[];
  ownFundsEuros: number;
  labels: { granted: string; requested: string; ownFunds: string };
  locale: "fr" | "en";
}

/**
 * Loaded lazily: Recharts weighs more than the rest of the page and only projects with funding show
 * it. Hidden from assistive technologies, since the table below gives the same amounts as text.
 */
export default function FinancingChart({ lines, ownFundsEuros, labels, locale }: FinancingChartProps) {
  const compact = numberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    notation: "compact",
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 1,
  });
  const full = numberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR" });
  const data = [
    ...lines.map((line) => ({ label: line.label, granted: line.grantedEuros, requested: line.requestedEuros, own: 0 })),
    ...(ownFundsEuros > 0 ? [{ label: labels.ownFunds, granted: 0, requested: 0, own: ownFundsEuros }] : []),
  ];
  return (
    <div className="plan-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 48 + 60)}>
        <BarChart
          data={data}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="#dddddd" />
          <XAxis
            type="number"
            tickFormatter={(value: number) => compact.format(value)}
            tick={{ fill: "#4d4d4d", fontSize: 12 }}
            axisLine={{ stroke: "#666666" }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={180}
            tick={{ fill: "#161616", fontSize: 12 }}
            tickLine={false}
          />
          <Tooltip formatter={(value) => (typeof value === "number" ? full.format(value) : String(value))} />
          <Legend
            wrapperStyle={{ fontSize: 13 }}
            formatter={(value) => <span style={{ color: "#161616" }}>{value}</span>}
          />
          <Bar dataKey="granted" name={labels.granted} stackId="amount" fill="#000091" isAnimationActive={false} />
          <Bar dataKey="requested" name={labels.requested} stackId="amount" fill="#8585f6" isAnimationActive={false} />
          <Bar dataKey="own" name={labels.ownFunds} stackId="amount" fill="#18753c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
