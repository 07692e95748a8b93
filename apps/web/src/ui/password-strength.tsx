import { judgePassword, type PasswordVerdict, translate } from "@trame/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format.ts";
import "./password-strength.css";

const LEVELS = ["veryWeak", "weak", "fair", "good", "strong"] as const;

/**
 * How guessable the password being typed is, by the same rule the server applies (zxcvbn with the
 * French dictionary, loaded on first use). Said in words and drawn as a <meter>, never by colour alone.
 * `userInputs`: the account's name and e-mail, which make a password weak if it is built on them.
 */
export function PasswordStrength({ id, password, userInputs }: { id: string; password: string; userInputs: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const inputsKey = userInputs.join("\n");

  useEffect(() => {
    if (!password) {
      setVerdict(null);
      return;
    }
    let current = true;
    // A short pause after the last keystroke: the estimate takes a few milliseconds per try.
    const timer = setTimeout(() => {
      void judgePassword(password, inputsKey.split("\n")).then((next) => current && setVerdict(next));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const level = verdict ? LEVELS[verdict.score] : null;
  const tooShort = password.length > 0 && password.length < 12;
  return (
    <div className="password-strength" id={id} aria-live="polite">
      {verdict && level && (
        <>
          <div className="password-strength__line">
            <label htmlFor={`${id}-meter`}>{t("account.strength.label")}</label>
            <meter
              id={`${id}-meter`}
              className="password-strength__meter"
              min={0}
              max={4}
              low={2}
              high={3}
              optimum={4}
              value={verdict.score}
            />
            <strong data-level={level}>{t(`account.strength.${level}`)}</strong>
          </div>
          <p className="password-strength__advice">
            {tooShort
              ? format.label(translate("password.tooShort"))
              : verdict.acceptable
                ? t("account.strength.accepted")
                : format.label(translate(verdict.reason ?? "password.weak"))}
          </p>
        </>
      )}
    </div>
  );
}
