import { describe, expect, it } from "vitest";
import { isQuietTime, lastCall, snoozeTarget, zonedTimeToUtc } from "../../../src/rules/index.js";

const ZONES = ["Asia/Almaty", "Europe/Berlin", "America/New_York", "Asia/Kolkata"];

describe("snooze", () => {
  it("is a day later when that is still before the deadline, out of quiet hours", () => {
    const due = zonedTimeToUtc("2026-12-03", 10, 0, "Asia/Almaty");
    expect(snoozeTarget(due, due - 3600_000, "2026-12-10", "Asia/Almaty")).toEqual({ kind: "day", at: due + 86_400_000 });
  });

  it.each(ZONES)("in %s never lands in quiet hours or after the deadline day's last call, whatever the time", (tz) => {
    const date = "2026-12-10";
    for (let h = 0; h < 24 * 4; h++) {
      const now = zonedTimeToUtc("2026-12-07", 0, 0, tz) + h * 3600_000 + 17 * 60_000;
      const s = snoozeTarget(now, now, date, tz);
      if (!s) {
        expect(now).toBeGreaterThan(lastCall(date, tz) - 30 * 60_000 - 1);
        continue;
      }
      expect(isQuietTime(s.at, tz), new Date(s.at).toISOString()).toBe(false);
      expect(s.at).toBeLessThanOrEqual(lastCall(date, tz));
      expect(s.at).toBeGreaterThan(now);
    }
  });

  it("on the deadline's day moves later that day, and offers nothing once too little time is left", () => {
    const tz = "Asia/Almaty";
    const ten = zonedTimeToUtc("2026-12-10", 10, 0, tz);
    expect(snoozeTarget(ten, ten, "2026-12-10", tz)).toEqual({ kind: "later_today", at: zonedTimeToUtc("2026-12-10", 13, 0, tz) });
    const late = zonedTimeToUtc("2026-12-10", 21, 15, tz);
    expect(snoozeTarget(late, late, "2026-12-10", tz)).toBeUndefined();
  });
});
