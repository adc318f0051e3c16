import { describe, expect, it } from "vitest";
import { findZone, isFixedOffset, zoneCity, zoneLabel } from "../../../src/rules/reminders/zoneLookup.js";

describe("how a zone is named to a person", () => {
  it.each([
    ["Etc/GMT-3", "UTC+3"],
    ["Etc/GMT+3", "UTC-3"],
    ["Etc/GMT-14", "UTC+14"],
    ["Etc/GMT+12", "UTC-12"],
    ["Etc/UTC", "UTC"],
    ["Etc/GMT", "UTC"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
  ])("%s is shown as %s", (zone, label) => {
    expect(zoneLabel(zone)).toBe(label);
  });

  it("an offset typed comes back with the sign it was typed with", () => {
    for (const typed of ["UTC-3", "utc+5", "GMT +11", "UTC-12", "UTC+14"]) {
      const found = findZone(typed) as { zone: string };
      expect(zoneLabel(found.zone)).toBe(typed.toUpperCase().replace(/\s+/g, "").replace("GMT", "UTC"));
      expect(isFixedOffset(found.zone)).toBe(true);
    }
    expect(isFixedOffset("Asia/Almaty")).toBe(false);
  });
});

describe("a time zone typed as a place", () => {
  it.each([
    ["Berlin", "Europe/Berlin"],
    ["Берлин", "Europe/Berlin"],
    ["Мәскеу", "Europe/Moscow"],
    ["Moskau", "Europe/Moscow"],
    ["Алматы", "Asia/Almaty"],
    ["Астана", "Asia/Almaty"],
    ["Қарағанды", "Asia/Almaty"],
    ["Ташкент", "Asia/Tashkent"],
    ["new york", "America/New_York"],
    ["Deutschland", "Europe/Berlin"],
    ["Қазақстан", "Asia/Almaty"],
    ["europe/LISBON", "Europe/Lisbon"],
    ["UTC+3", "Etc/GMT-3"],
    ["GMT -5", "Etc/GMT+5"],
    ["utc", "Etc/UTC"],
  ])("%s is %s", (typed, zone) => {
    expect(findZone(typed)).toMatchObject({ kind: "zone", zone });
  });

  it("a country with several zones, or a half-hour offset shared by several, asks which", () => {
    expect(findZone("Россия")).toMatchObject({ kind: "choose", country: "RU" });
    expect((findZone("USA") as { zones: string[] }).zones).toContain("America/New_York");
    expect(findZone("+5:30")).toMatchObject({ kind: "choose" });
  });

  it("nonsense, offsets out of range and long input find nothing", () => {
    for (const typed of ["Narnia", "UTC+15", "+3:75", "", "x".repeat(200), "<b>Berlin</b>"]) expect(findZone(typed), typed).toEqual({ kind: "none" });
  });

  it("names the zone's city in the person's language", () => {
    expect(zoneCity("Europe/Moscow", "kk")).toBe("Мәскеу");
    expect(zoneCity("Europe/Moscow", "de")).toBe("Moskau");
    expect(zoneCity("America/New_York", "en")).toBe("New York");
  });
});
