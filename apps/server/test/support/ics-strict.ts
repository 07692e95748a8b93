/**
 * A strict reader of RFC 5545 iCalendar streams, for tests: where a calendar app tolerates a
 * slip, this names it. It checks the bytes (every content line ends with CRLF, the last one
 * included; no bare CR or LF; at most 75 octets a line; folds start with a space or a tab), the
 * content-line grammar of §3.1 (name, parameters, value characters), the components' nesting, and
 * the properties §3.6 and §3.7 require (VERSION 2.0 and PRODID once; UID, DTSTAMP in UTC and
 * DTSTART once per VEVENT; an all-day DTEND after its DTSTART). Returns the problems found, each
 * with its line number; an empty list means the stream is valid.
 */
export interface IcsComponent {
  name: string;
  properties: Array<{ name: string; params: Record<string, string>; value: string }>;
  components: IcsComponent[];
}

const NAME = /^(?:[A-Za-z0-9-]+)$/;
/** §3.1 VALUE-CHAR, SAFE-CHAR and QSAFE-CHAR: any character but the controls, HTAB excepted. */
const hasControl = (text: string) =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });
const isParamText = (part: string) => !hasControl(part) && !/[";:,]/.test(part);
const isQuoted = (part: string) =>
  part.length >= 2 &&
  part.startsWith('"') &&
  part.endsWith('"') &&
  !hasControl(part) &&
  !part.slice(1, -1).includes('"');
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;
const DATE = /^\d{8}$/;

function splitContentLine(line: string): { name: string; params: Record<string, string>; value: string } | string {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ":" && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return "no ':' between name and value";
  const [name = "", ...params] = line.slice(0, colon).split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (!NAME.test(name)) return `bad property name "${name}"`;
  const parsed: Record<string, string> = {};
  for (const param of params) {
    const eq = param.indexOf("=");
    const key = param.slice(0, eq);
    if (eq < 1 || !NAME.test(key)) return `bad parameter "${param}"`;
    for (const part of param.slice(eq + 1).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
      if (!isParamText(part) && !isQuoted(part)) return `bad parameter value "${part}"`;
    }
    parsed[key.toUpperCase()] = param.slice(eq + 1);
  }
  const value = line.slice(colon + 1);
  if (hasControl(value)) return "control character in the value";
  return { name: name.toUpperCase(), params: parsed, value };
}

/** TEXT values (§3.3.11): a backslash escapes only a backslash, `;`, `,`, `n` or `N`. */
function textEscapingProblem(value: string): string | null {
  return /\\(?![\\;,nN])/.test(value) ? "a backslash that escapes nothing" : null;
}

const TEXT_PROPERTIES = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME"]);

function checkComponent(component: IcsComponent, problems: string[]): void {
  const count = (name: string) => component.properties.filter((p) => p.name === name).length;
  const value = (name: string) => component.properties.find((p) => p.name === name);
  if (component.name === "VCALENDAR") {
    if (count("PRODID") !== 1) problems.push("VCALENDAR: PRODID must appear exactly once");
    if (count("VERSION") !== 1 || value("VERSION")?.value !== "2.0")
      problems.push("VCALENDAR: VERSION:2.0 must appear exactly once");
    if (component.components.length === 0) problems.push("VCALENDAR: no component");
  }
  if (component.name === "VEVENT") {
    const uid = value("UID")?.value;
    for (const name of ["UID", "DTSTAMP", "DTSTART"]) {
      if (count(name) !== 1) problems.push(`VEVENT ${uid}: ${name} must appear exactly once`);
    }
    if (!UTC_DATE_TIME.test(value("DTSTAMP")?.value ?? "")) problems.push(`VEVENT ${uid}: DTSTAMP not in UTC`);
    const start = value("DTSTART");
    const end = value("DTEND");
    if (start?.params.VALUE === "DATE") {
      if (!DATE.test(start.value)) problems.push(`VEVENT ${uid}: DTSTART;VALUE=DATE is not a date`);
      if (end && (end.params.VALUE !== "DATE" || !DATE.test(end.value) || end.value <= start.value))
        problems.push(`VEVENT ${uid}: DTEND must be a later date`);
    }
  }
  for (const property of component.properties) {
    const problem = TEXT_PROPERTIES.has(property.name) ? textEscapingProblem(property.value) : null;
    if (problem) problems.push(`${component.name} ${property.name}: ${problem}`);
  }
  for (const child of component.components) checkComponent(child, problems);
}

export function strictIcsProblems(bytes: Buffer): { problems: string[]; calendar: IcsComponent | null } {
  const problems: string[] = [];
  const text = bytes.toString("utf8");
  if (!text.endsWith("\r\n")) problems.push("the stream does not end with CRLF");
  const physical = text.split("\r\n");
  if (physical.at(-1) === "") physical.pop();
  const logical: Array<{ line: string; at: number }> = [];
  physical.forEach((line, index) => {
    const at = index + 1;
    if (line.includes("\r") || line.includes("\n")) problems.push(`line ${at}: bare CR or LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${at}: longer than 75 octets`);
    const previous = logical.at(-1);
    if ((line.startsWith(" ") || line.startsWith("\t")) && previous) previous.line += line.slice(1);
    else if (line === "") problems.push(`line ${at}: empty line`);
    else logical.push({ line, at });
  });

  const stack: IcsComponent[] = [];
  let calendar: IcsComponent | null = null;
  for (const { line, at } of logical) {
    const parsed = splitContentLine(line);
    if (typeof parsed === "string") {
      problems.push(`line ${at}: ${parsed}`);
      continue;
    }
    if (parsed.name === "BEGIN") {
      const component: IcsComponent = { name: parsed.value.toUpperCase(), properties: [], components: [] };
      const parent = stack.at(-1);
      if (parent) parent.components.push(component);
      else if (calendar) problems.push(`line ${at}: a second top-level component`);
      else calendar = component;
      stack.push(component);
    } else if (parsed.name === "END") {
      const open = stack.pop();
      if (open?.name !== parsed.value.toUpperCase())
        problems.push(`line ${at}: END:${parsed.value} closes ${open?.name}`);
    } else {
      const current = stack.at(-1);
      if (current) current.properties.push(parsed);
      else problems.push(`line ${at}: property outside any component`);
    }
  }
  if (stack.length > 0) problems.push(`${stack.map((c) => c.name).join(", ")} never closed`);
  if (calendar?.name !== "VCALENDAR") problems.push("the stream is not one VCALENDAR");
  if (calendar) checkComponent(calendar, problems);
  return { problems, calendar };
}
