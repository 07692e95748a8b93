import { createHash } from "node:crypto";

/**
 * The two stylesheets react-aria (1.22) writes into a `<style>` element at run time, word for word:
 * usePress's (on every pressable control: no double-tap-zoom delay) and usePreventScroll's (iOS
 * only, while a dialog is open). They never change with the page, so the CSP lets exactly these two
 * in by their hash, and no other inline style: no 'unsafe-inline'. csp-styles.test.ts checks the
 * texts against the installed react-aria, so an upgrade that changes them fails there first.
 */
export const LIBRARY_INLINE_STYLES = [
  "@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}",
  "@layer {\n  * {\n    overscroll-behavior: contain;\n  }\n}",
] as const;

const hashSource = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * Helmet's directives. Scripts and styles only from our own files (plus the two hashed library
 * styles); React and d3 set styles through the CSSOM, which CSP allows. The web app sets zod to
 * `jitless` so nothing asks for eval (apps/web/public/zod-jitless.js).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", ...LIBRARY_INLINE_STYLES.map(hashSource)],
  imgSrc: ["'self'", "data:", "blob:"],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};
