import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";
import type { MessageKey } from "../errors/messages.ts";

/** zxcvbn's scale: 0 too guessable … 4 very unguessable. 3 is "safely unguessable" (about 10^10 guesses). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Only the first characters are estimated: zxcvbn's matching grows fast with length (two seconds for
 * 200 random characters, a denial of service), and 50 characters that hold up are strong enough.
 */
const ESTIMATED_LENGTH = 50;

/** Words of this product and of its users' trade, which an attacker would try first. */
const PRODUCT_WORDS = [
  "trame",
  "territoire",
  "territoires",
  "collectivite",
  "collectivites",
  "intercommunalite",
  "communaute",
  "agglomeration",
  "metropole",
  "mairie",
  "epci",
  "scot",
  "cooperation",
  "demo",
];

export type PasswordVerdict = {
  /** 0 to 4, for the strength meter. */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** Why it is refused (or would be weaker than it looks), as a message key; null when nothing stands out. */
  reason: MessageKey | null;
};

/** zxcvbn's warning, by its untranslated key, to our own message (in French and English). */
const REASONS: Record<string, MessageKey> = {
  straightRow: "password.keyboard",
  keyPattern: "password.keyboard",
  simpleRepeat: "password.repeated",
  extendedRepeat: "password.repeated",
  sequences: "password.sequence",
  recentYears: "password.dates",
  dates: "password.dates",
  topTen: "password.common",
  topHundred: "password.common",
  common: "password.common",
  similarToCommon: "password.common",
  pwned: "password.common",
  wordByItself: "password.word",
  namesByThemselves: "password.names",
  commonNames: "password.names",
  userInputs: "password.personal",
};

let factory: Promise<ZxcvbnFactory> | undefined;

/**
 * The estimator and its dictionaries (common passwords, French words, first and last names: about
 * 1.5 MB) are imported on first use, so the web app loads them only on a page that sets a password.
 */
function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-fr"),
  ]).then(
    ([core, common, fr]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...fr.dictionary, trame: PRODUCT_WORDS },
        graphs: common.adjacencyGraphs,
        maxLength: ESTIMATED_LENGTH,
      }),
  );
  return factory;
}

/** An e-mail address and a name, whole, by the part before the @, and word by word. */
function personalWords(userInputs: readonly string[]): string[] {
  const words = userInputs.flatMap((input) => {
    const lower = input.toLowerCase().trim();
    const local = lower.split("@")[0] ?? lower;
    return [lower, local, local.replace(/[.\-_+]/gu, ""), ...lower.split(/[\s@.\-_+']+/u)];
  });
  return [...new Set(words)].filter((word) => word.length >= 3);
}

function reasonOf(result: ZxcvbnResult): MessageKey | null {
  const warning = result.feedback.warning;
  return (warning && REASONS[warning]) || null;
}

/**
 * How guessable a password is, the same on the server (which refuses) and in the web app (which shows
 * a meter). `userInputs`: the account's e-mail and name, which make a password weak if it is built on them.
 */
export async function judgePassword(password: string, userInputs: readonly string[] = []): Promise<PasswordVerdict> {
  const zxcvbn = await loadFactory();
  const result = zxcvbn.check(password, personalWords(userInputs));
  const acceptable = result.score >= MIN_PASSWORD_SCORE;
  return {
    score: result.score,
    acceptable,
    reason: reasonOf(result) ?? (acceptable ? null : "password.weak"),
  };
}
