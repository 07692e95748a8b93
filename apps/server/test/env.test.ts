import { describe, expect, it } from "vitest";
import { parseEnv } from "../src/env.ts";

const POSTGRES = "postgres://trame:trame@db:5432/trame";

describe("TRAME_TRUST_PROXY : un nombre de sauts ou des adresses, jamais « tout »", () => {
  it("absent, false ou 0 : aucun mandataire cru", () => {
    for (const value of [undefined, "false", "0", ""]) {
      expect(parseEnv(value === undefined ? {} : { TRAME_TRUST_PROXY: value }).TRAME_TRUST_PROXY).toBe(false);
    }
  });

  it("un nombre de sauts est lu comme un NOMBRE (Fastify prendrait la chaîne « 1 » pour une adresse)", () => {
    expect(parseEnv({ TRAME_TRUST_PROXY: "1" }).TRAME_TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRAME_TRUST_PROXY: " 2 " }).TRAME_TRUST_PROXY).toBe(2);
  });

  it("une liste d'adresses et de plages CIDR, IPv4 et IPv6", () => {
    expect(parseEnv({ TRAME_TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,fd00::/8,loopback" }).TRAME_TRUST_PROXY).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuse true au démarrage en disant quoi écrire à la place", () => {
    expect(() => parseEnv({ TRAME_TRUST_PROXY: "true" })).toThrow(/TRAME_TRUST_PROXY: .*e\.g\. 1.*10\.0\.0\.5/);
    expect(() => parseEnv({ TRAME_TRUST_PROXY: "true" })).toThrow(/ex\. 1/);
  });

  it("refuse ce qui n'est ni un nombre ni une adresse, en le nommant", () => {
    expect(() => parseEnv({ TRAME_TRUST_PROXY: "10.0.0.5, proxy.example" })).toThrow(/proxy\.example/);
    expect(() => parseEnv({ TRAME_TRUST_PROXY: "10.0.0.0/33" })).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseEnv({ TRAME_TRUST_PROXY: "50" })).toThrow(/TRAME_TRUST_PROXY/);
  });
});

describe("réglages par défaut sûrs", () => {
  it("écoute sur localhost par défaut (le Dockerfile choisit 0.0.0.0)", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it("la démo : oui sur la base embarquée, non avec DATABASE_URL, sauf demande explicite", () => {
    expect(parseEnv({}).TRAME_DEMO).toBe(true);
    expect(parseEnv({ DATABASE_URL: POSTGRES }).TRAME_DEMO).toBe(false);
    expect(parseEnv({ DATABASE_URL: POSTGRES, TRAME_DEMO: "true" }).TRAME_DEMO).toBe(true);
    expect(parseEnv({ TRAME_DEMO: "false" }).TRAME_DEMO).toBe(false);
  });
});
