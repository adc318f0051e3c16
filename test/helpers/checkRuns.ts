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
