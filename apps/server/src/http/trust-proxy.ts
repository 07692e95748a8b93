import { BlockList, isIP } from "node:net";

/**
 * Which `X-Forwarded-*` to believe: none (false), the last N hops (each proxy appends the address it
 * saw), or only hops whose address is in a list. Never "all": with `true` the client's own
 * `X-Forwarded-For: 6.6.6.6` would become its address and dodge the per-address sign-in throttle.
 */
export type TrustProxy = false | number | string[];

/** Loopback, link-local and private ranges: where a proxy counted by hops may stand. */
const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["169.254.0.0", 16],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  const version = isIP(plain);
  return version !== 0 && PRIVATE_RANGES.check(plain, version === 4 ? "ipv4" : "ipv6");
}

/**
 * What Fastify is given. Fastify 5.12 refuses hop counts outright (a direct client could send enough
 * hops of its own); we keep them for the common case of a proxy on the same host or private network,
 * and close that hole: the first hop is believed only when the peer itself has a private or loopback
 * address, so a client reaching Trame straight from the internet never has its X-Forwarded-For read.
 * A proxy with a public address is listed by address instead.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== "number") return trust;
  if (trust === 0) return false;
  return (address, hop) => hop < trust && (hop > 0 || isPrivateAddress(address));
}

/** Names proxy-addr (Fastify's trust rules) knows for ranges of private addresses. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

export const TRUST_PROXY_HELP =
  "write the number of proxies in front of Trame (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24), " +
  "not true / indiquez le nombre de mandataires devant Trame (ex. 1) ou leurs adresses (ex. 10.0.0.5,10.0.1.0/24), pas true";

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // The prefix is a number of bits; proxy-addr also reads an IPv4 netmask (255.255.255.0).
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (version === 4 ? 32 : 128);
  return version === 4 && isIP(prefix) === 4;
}

/**
 * Reads TRAME_TRUST_PROXY. The hop count is returned as a NUMBER: Fastify would take the string "1"
 * for an address and trust nothing (or, worse, a proxy named like that).
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { error: string } {
  const text = (raw ?? "").trim();
  if (text === "" || text === "false" || text === "0") return { value: false };
  if (text === "true" || text === "*")
    return { error: `trusts every hop, so clients choose their address: ${TRUST_PROXY_HELP}` };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { value: hops } : { error: `at most 10 hops: ${TRUST_PROXY_HELP}` };
  }
  const entries = text.split(",").map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) return { error: `not an address or CIDR range: ${wrong.join(", ")}; ${TRUST_PROXY_HELP}` };
  return { value: entries };
}
