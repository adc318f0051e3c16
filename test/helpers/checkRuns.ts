import type { TFunction } from "../../src/bot/i18n.js";
import type { TestUser } from "./testUser.js";

/**
 * A whole /check answered in English by a German remote developer with a valid passport: B9-1 unsure (the pilot
 * and Germany's e-visa status), B12-1 eligible without an invitation. Eleven updates.
 */
export async function remoteDeveloperCheck(user: TestUser, t: TFunction): Promise<void> {
  await user.send("/check");
  await user.send("Germany");
  await user.send("no");
  await user.press(t("check:opt.programming"));
  for (const answer of ["yes", "yes", "yes", "$4,500", "8", "no", "31 May 2030"]) await user.send(answer);
}

/**
 * A whole /check answered in English by a Belarusian remote worker outside IT: B9-1 not eligible, B12-1 unsure
 * (reported not for EAEU citizens), with an invitation.
 */
export async function belarusCheck(user: TestUser, t: TFunction): Promise<void> {
  await user.send("/check");
  await user.send("Belarus");
  await user.send("no");
  await user.press(t("check:opt.none"));
  for (const answer of ["yes", "$4,500", "8", "no", "2035-01-31"]) await user.send(answer);
}

/** The /plan message among the user's replies (its title opens it), wherever it comes. */
export function planMessage(user: TestUser, t: TFunction): string | undefined {
  const title = t("plan:title", { route: "X" }).split("X")[0]!;
  return user.replies().find((r) => r.startsWith(title));
}
