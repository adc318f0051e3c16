import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { planTimelineSvg } from "../../src/bot/render/planPicture.js";
import { svgToPng } from "../../src/bot/render/timelinePng.js";
import { escapeXml, timelineSvg } from "../../src/bot/render/timelineSvg.js";
import type { RouteId } from "../../src/rules/eligibility/routes.js";
import { planRoute } from "../../src/rules/plan/index.js";
import { SUPPORTED_LOCALES } from "../../src/store/index.js";

const i18n = createI18n();
const TODAY = "2026-11-21";
const ROUTES: RouteId[] = ["b9_1.residence", "b9_1.evisa", "b12_1.invitation", "b12_1.no_invitation"];

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("the plan's timeline picture", () => {
  it.each(SUPPORTED_LOCALES)("renders every route in %s: the step labels in the SVG, a PNG of its size", async (lng) => {
    const t = i18n.getFixedT(lng);
    for (const route of ROUTES) {
      const plan = planRoute(route, { hub_applied: "2026-11-10" }, TODAY);
      const { svg, width, height } = planTimelineSvg(t, lng, plan, TODAY);
      for (const step of plan.steps) expect(svg).toContain(escapeXml(t(`plan:bar.${step.id}`)));
      expect(svg).toContain(escapeXml(t(`plan:route.${route}`)));
      expect(svg).toContain(`>${escapeXml(t("plan:picture.today"))}<`);
      expect(height).toBeGreaterThan(plan.steps.length * 30);
      const png = await svgToPng(svg);
      expect(pngSize(png)).toEqual({ width, height });
      // Text drawn: a picture with its labels is far larger than the same picture without any text.
      const blank = await svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ""));
      expect(png.length).toBeGreaterThan(blank.length * 1.3);
    }
  });

  it("marks the deadlines, today and the done steps, and escapes every text", () => {
    const { svg } = timelineSvg({
      title: `A & B <"x">`,
      rows: [
        { label: "Done <1>", start: "2026-11-10", end: "2026-11-10", kind: "estimate", done: true, dated: true },
        { label: "Estimate & co", start: "2026-11-21", end: "2026-12-01", kind: "estimate", done: false, dated: true },
        { label: "Deadline 'D'", start: "2026-12-01", end: "2026-12-30", kind: "deadline", done: false, dated: true },
      ],
      today: "2026-11-21",
      todayLabel: "Today",
      legend: { done: "done", deadline: "deadline", estimate: "estimate" },
      tick: (iso) => iso.slice(5),
    });
    expect(svg).toContain("A &amp; B &lt;&quot;x&quot;&gt;");
    expect(svg).toContain("1. Done &lt;1&gt;");
    expect(svg).toContain("Deadline &apos;D&apos;");
    expect(svg).not.toMatch(/<[^>]*<|Done <1>/);
    expect(svg.match(/<path d="M /g)).toHaveLength(1); // one diamond: the deadline
    expect(svg).toContain('stroke-dasharray="6 4"'); // the line for today
    expect(svg).toContain("#3a9a5b"); // the done step's colour
  });
});
