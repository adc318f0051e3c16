/**
 * The plan as a timeline picture, written as SVG text: one row per step with its bar on a dated axis (from the
 * day it can start to the latest day it is expected), a diamond on each legal deadline, a dot for a step the
 * sources give no time, done steps in green, and a line for today. Pure: every text comes in already worded in
 * the person's language, and every text is escaped for XML here.
 */

export interface TimelineRow {
  label: string;
  /** YYYY-MM-DD: the bar starts here and ends at `end`; equal for a step the sources give no time. */
  start: string;
  end: string;
  kind: "deadline" | "estimate";
  done: boolean;
  /** False for a step ticked by a later milestone: no date of its own, so no bar, only its mark. */
  dated: boolean;
}

export interface TimelineInput {
  title: string;
  rows: readonly TimelineRow[];
  today: string;
  todayLabel: string;
  legend: { done: string; deadline: string; estimate: string };
  /** A date as a short axis label in the person's language ("21 Nov", "21 нояб."). */
  tick: (iso: string) => string;
}

export interface TimelineSvg {
  svg: string;
  width: number;
  height: number;
}

export const FONT_FAMILY = "DejaVu Sans";
const WIDTH = 1000;
const LEFT = 300;
const RIGHT = 30;
const TOP = 64;
const ROW = 34;
const AXIS = 56;
const LEGEND = 36;
const COLORS = { estimate: "#3b7dd8", deadline: "#d0433a", done: "#3a9a5b", today: "#8a4fd1", grid: "#e3e6ea", text: "#1f2328", muted: "#5f6b7a" };

/** XML-escapes a text for an element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Builds the SVG of a plan's timeline; its size grows with the number of steps. */
export function timelineSvg(input: TimelineInput): TimelineSvg {
  const dated = input.rows.filter((r) => r.dated);
  const days = [...dated.flatMap((r) => [dayNumber(r.start), dayNumber(r.end)]), dayNumber(input.today)];
  const first = Math.min(...days) - 2;
  const last = Math.max(Math.max(...days) + 2, first + 14);
  const chart = WIDTH - LEFT - RIGHT;
  const x = (iso: string) => LEFT + ((dayNumber(iso) - first) / (last - first)) * chart;
  const height = TOP + input.rows.length * ROW + AXIS + LEGEND;
  const axisY = TOP + input.rows.length * ROW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="20" y="38" font-size="20" font-weight="bold" fill="${COLORS.text}">${escapeXml(input.title)}</text>`,
  ];
  // Axis ticks: about six dates, evenly spaced in days.
  const step = Math.max(1, Math.ceil((last - first) / 6));
  for (let d = Math.ceil(first); d <= last; d += step) {
    const iso = isoOf(d);
    const tx = x(iso).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${TOP - 6}" x2="${tx}" y2="${axisY}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    parts.push(`<text x="${tx}" y="${axisY + 20}" font-size="12" text-anchor="middle" fill="${COLORS.muted}">${escapeXml(input.tick(iso))}</text>`);
  }
  input.rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const mid = y + ROW / 2;
    const color = row.done ? COLORS.done : row.kind === "deadline" ? COLORS.deadline : COLORS.estimate;
    const mark = row.done ? "✓" : row.kind === "deadline" ? "!" : "";
    parts.push(`<text x="20" y="${mid + 5}" font-size="14" fill="${COLORS.text}">${escapeXml(`${i + 1}. ${row.label}`)}</text>`);
    if (mark) parts.push(`<text x="${LEFT - 12}" y="${mid + 5}" font-size="14" font-weight="bold" text-anchor="end" fill="${color}">${mark}</text>`);
    if (!row.dated) return;
    const x1 = x(row.start);
    const x2 = x(row.end);
    if (x2 - x1 < 4) {
      parts.push(`<circle cx="${x1.toFixed(1)}" cy="${mid}" r="6" fill="${color}"/>`);
    } else {
      parts.push(`<rect x="${x1.toFixed(1)}" y="${y + 8}" width="${(x2 - x1).toFixed(1)}" height="${ROW - 16}" rx="4" fill="${color}" fill-opacity="${row.done ? 0.55 : 0.85}"/>`);
    }
    if (row.kind === "deadline" && !row.done) {
      const dx = x2.toFixed(1);
      parts.push(`<path d="M ${dx} ${y + 4} l 9 ${ROW / 2 - 4} l -9 ${ROW / 2 - 4} l -9 ${-(ROW / 2 - 4)} z" fill="${COLORS.deadline}" stroke="#ffffff" stroke-width="1.5"/>`);
    }
  });
  const todayX = x(input.today).toFixed(1);
  parts.push(`<line x1="${todayX}" y1="${TOP - 10}" x2="${todayX}" y2="${axisY}" stroke="${COLORS.today}" stroke-width="2" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${todayX}" y="${TOP - 14}" font-size="12" font-weight="bold" text-anchor="middle" fill="${COLORS.today}">${escapeXml(input.todayLabel)}</text>`);
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}" stroke="${COLORS.muted}" stroke-width="1"/>`);
  // Legend.
  const ly = height - LEGEND / 2;
  const legend: Array<[string, string]> = [
    [COLORS.done, input.legend.done],
    [COLORS.deadline, input.legend.deadline],
    [COLORS.estimate, input.legend.estimate],
  ];
  let lx = 20;
  for (const [color, label] of legend) {
    parts.push(`<rect x="${lx}" y="${ly - 7}" width="18" height="12" rx="3" fill="${color}"/>`);
    parts.push(`<text x="${lx + 26}" y="${ly + 4}" font-size="13" fill="${COLORS.text}">${escapeXml(label)}</text>`);
    lx += 46 + label.length * 8;
  }
  parts.push("</svg>");
  return { svg: parts.join("\n"), width: WIDTH, height };
}
