/**
 * How values leave the database, decided once for both backends:
 * bigint (money in cents, counts) and numeric (FTE) as numbers — amounts stay far below 2^53 cents;
 * `date` as the `YYYY-MM-DD` text PostgreSQL sends, so no time zone can shift a calendar day;
 * `timestamptz` as an ISO 8601 string, which is what the API sends anyway.
 */
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184 } as const;
export const parsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: Number,
  [OID.NUMERIC]: Number,
  [OID.DATE]: (value) => value,
  [OID.TIMESTAMPTZ]: (value) => new Date(value).toISOString(),
};
