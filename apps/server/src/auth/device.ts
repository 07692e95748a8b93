import Bowser from "bowser";

export interface Device {
  browser: string | null;
  os: string | null;
  /** desktop, mobile, tablet… as Bowser classifies it. */
  platform: string | null;
}

/** What the owner needs to recognise a session ("Firefox on Windows"), read from the stored User-Agent. */
export function describeDevice(userAgent: string | null): Device {
  if (!userAgent) return { browser: null, os: null, platform: null };
  const parsed = Bowser.parse(userAgent);
  return {
    browser: parsed.browser.name ?? null,
    os: parsed.os.name ?? null,
    platform: parsed.platform.type ?? null,
  };
}
