/**
 * RFC 5545 checked rule by rule, strictly (no maintained validator exists on npm for Node 20). Returns the
 * rules a file breaks, empty when it passes. What it checks, with the RFC's sections:
 * - 3.1: lines end in CRLF, each physical line at most 75 octets, continuation lines start with one space or
 *   tab, the file is valid UTF-8 and has no empty or control-character lines;
 * - 3.1 / 3.2: each content line is `name *(;param) : value`, names and parameter names are tokens, parameter
 *   values are quoted or free of `"` `;` `:` `,`;
 * - 3.4, 3.6: one VCALENDAR, BEGIN/END balanced, VEVENT inside VCALENDAR, VALARM inside VEVENT;
 * - 3.6 / 3.7: VCALENDAR has PRODID and VERSION:2.0 exactly once; VEVENT has UID and DTSTAMP exactly once,
 *   at most one of DTSTART, DTEND, SUMMARY, DESCRIPTION, TRANSP, no DTEND with DURATION; UIDs unique;
 * - 3.3.4 / 3.3.5: VALUE=DATE values are real dates YYYYMMDD, DTSTAMP a UTC date-time, DTEND after DTSTART;
 * - 3.6.6 / 3.8.6.3 / 3.3.6: VALARM has ACTION and TRIGGER once, DISPLAY has DESCRIPTION, TRIGGER is a duration
 *   by the RFC's grammar (so `-P1D`, `PT10H`, `-P6DT14H`; not `-P1DT`, not `P`);
 * - 3.3.11: TEXT values escape `;` `,` `\` and newlines (no bare `;` or `,`, no `\` before anything else).
 */
export function icsViolations(file: string): string[] {
  const errors: string[] = [];
  const bytes = Buffer.from(file, "utf8");
  if (bytes.toString("utf8") !== file || file.includes("\uFFFD")) errors.push("3.1: not valid UTF-8");
  if (!file.endsWith("\r\n")) errors.push("3.1: the file does not end with CRLF");
  if (/\r(?!\n)|(?<!\r)\n/.test(file)) errors.push("3.1: a line ends in a bare CR or LF");
  const physical = file.split("\r\n").slice(0, -1);
  physical.forEach((line, i) => {
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > 75) errors.push(`3.1: line ${i + 1} is ${octets} octets long`);
    if (line.length === 0) errors.push(`3.1: line ${i + 1} is empty`);
    if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(line)) errors.push(`3.1: line ${i + 1} has a control character`);
  });
  if (physical[0] && /^[ \t]/.test(physical[0])) errors.push("3.1: the file starts with a continuation line");
  const lines: string[] = [];
  for (const line of physical) {
    if (/^[ \t]/.test(line)) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }

  const CONTENT = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"\u0000-\u001F]*"|[^";:,\u0000-\u001F]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/;
  const DURATION = /^[+-]?P(?:\d+W|(?:\d+D)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;
  const TEXT_PROPS = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT"]);
  const ONCE_IN_EVENT = ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP", "DURATION"];
  const isDate = (v: string) => {
    if (!/^\d{8}$/.test(v)) return false;
    const d = new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replace(/-/g, "") === v;
  };

  interface Comp {
    name: string;
    props: Array<{ name: string; params: string; value: string }>;
  }
  const stack: Comp[] = [];
  const done: Comp[] = [];
  let calendars = 0;
  lines.forEach((line, i) => {
    const m = CONTENT.exec(line);
    if (!m) {
      errors.push(`3.1: content line ${i + 1} is not name[;params]:value: ${line.slice(0, 40)}`);
      return;
    }
    const [, rawName, params, value] = m as unknown as [string, string, string, string];
    const name = rawName.toUpperCase();
    if (name === "BEGIN") {
      const parent = stack.at(-1)?.name;
      if (value === "VCALENDAR") {
        calendars++;
        if (parent) errors.push("3.4: VCALENDAR nested");
      } else if (value === "VEVENT" && parent !== "VCALENDAR") errors.push("3.6: VEVENT outside VCALENDAR");
      else if (value === "VALARM" && parent !== "VEVENT") errors.push("3.6.6: VALARM outside VEVENT");
      stack.push({ name: value, props: [] });
      return;
    }
    if (name === "END") {
      const open = stack.pop();
      if (!open || open.name !== value) errors.push(`3.4: END:${value} does not close ${open?.name ?? "anything"}`);
      else done.push(open);
      return;
    }
    const comp = stack.at(-1);
    if (!comp) errors.push(`3.4: ${name} outside any component`);
    else comp.props.push({ name, params: params.toUpperCase(), value });
    if (TEXT_PROPS.has(name)) {
      if (/(?<!\\)(?:\\\\)*[;,]/.test(value)) errors.push(`3.3.11: ${name} has an unescaped ; or ,`);
      if (/\\(?![\\;,nN])/.test(value)) errors.push(`3.3.11: ${name} has a backslash before something else`);
    }
  });
  if (stack.length) errors.push(`3.4: ${stack.map((c) => c.name).join(", ")} not closed`);
  if (calendars !== 1) errors.push(`3.4: ${calendars} VCALENDAR objects`);

  const count = (c: Comp, n: string) => c.props.filter((p) => p.name === n).length;
  const get = (c: Comp, n: string) => c.props.find((p) => p.name === n);
  const uids = new Set<string>();
  for (const c of done) {
    if (c.name === "VCALENDAR") {
      if (count(c, "PRODID") !== 1) errors.push("3.6: VCALENDAR needs exactly one PRODID");
      if (count(c, "VERSION") !== 1 || get(c, "VERSION")?.value !== "2.0") errors.push("3.7.4: VCALENDAR needs VERSION:2.0 once");
    }
    if (c.name === "VEVENT") {
      for (const n of ONCE_IN_EVENT) if (count(c, n) > 1) errors.push(`3.6.1: ${n} more than once in a VEVENT`);
      if (count(c, "UID") !== 1) errors.push("3.6.1: VEVENT without UID");
      if (count(c, "DTSTAMP") !== 1) errors.push("3.6.1: VEVENT without DTSTAMP");
      if (count(c, "DTSTART") !== 1) errors.push("3.6.1: VEVENT without DTSTART");
      if (count(c, "DTEND") && count(c, "DURATION")) errors.push("3.6.1: DTEND and DURATION together");
      const uid = get(c, "UID")?.value ?? "";
      if (uids.has(uid)) errors.push(`3.8.4.7: UID ${uid} used twice`);
      uids.add(uid);
      if (!/^\d{8}T\d{6}Z$/.test(get(c, "DTSTAMP")?.value ?? "")) errors.push("3.8.7.2: DTSTAMP is not a UTC date-time");
      for (const n of ["DTSTART", "DTEND"]) {
        const p = get(c, n);
        if (p && p.params.includes("VALUE=DATE") && !isDate(p.value)) errors.push(`3.3.4: ${n} ${p.value} is not a date`);
        if (p && !p.params.includes("VALUE=DATE") && !/^\d{8}T\d{6}Z?$/.test(p.value)) errors.push(`3.3.5: ${n} ${p.value} is not a date-time`);
      }
      const [start, end] = [get(c, "DTSTART"), get(c, "DTEND")];
      if (start && end && (start.params.includes("VALUE=DATE") !== end.params.includes("VALUE=DATE") || end.value <= start.value)) {
        errors.push("3.8.2.2: DTEND is not after DTSTART, or of another value type");
      }
    }
    if (c.name === "VALARM") {
      if (count(c, "ACTION") !== 1) errors.push("3.6.6: VALARM needs ACTION once");
      if (count(c, "TRIGGER") !== 1) errors.push("3.6.6: VALARM needs TRIGGER once");
      if (get(c, "ACTION")?.value === "DISPLAY" && count(c, "DESCRIPTION") !== 1) errors.push("3.6.6: a DISPLAY alarm needs DESCRIPTION");
      const trigger = get(c, "TRIGGER");
      if (trigger && !trigger.params.includes("VALUE=DATE-TIME") && !DURATION.test(trigger.value)) errors.push(`3.3.6: TRIGGER ${trigger.value} is not a duration`);
    }
  }
  return errors;
}
