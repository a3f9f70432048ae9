/**
 * The notices a US clinic must post, one click from every page (issue 23), on the site as built from today's
 * content: the footer links the nondiscrimination and language-assistance pages and tells deaf and hard-of-hearing
 * callers to use 711; no Notice of Privacy Practices is linked while content/clinic.yaml names none (what the
 * footer shows once it does, and taglines with their lang and dir, are tested on the components:
 * tests/unit/notices.test.tsx).
 */
import { expect, test } from "@playwright/test";
import { allPages, PHONE_HREF } from "./site-pages";

const NOTICES = [
  { name: "Nondiscrimination", href: "/nondiscrimination", heading: "Nondiscrimination notice" },
  { name: "Language assistance", href: "/language-assistance", heading: "Free language help" },
];

for (const sitePage of allPages) {
  test(`${sitePage.href}: the footer links each notice and says how to call through relay`, async ({ page }) => {
    await page.goto(sitePage.href);
    const footer = page.getByRole("contentinfo");
    const policies = footer.getByRole("navigation", { name: "Policies" });
    for (const notice of NOTICES) {
      await expect(policies.getByRole("link", { name: notice.name, exact: true })).toHaveAttribute("href", notice.href);
    }
    await expect(policies.getByRole("link", { name: /Notice of Privacy Practices/ }), "no notice the clinic has not supplied").toHaveCount(0);
    await expect(footer).toContainText("Deaf or hard of hearing? Call 711 (relay) and ask for 501.224.4001.");
    await expect(footer.getByRole("link", { name: "Call 711" })).toHaveAttribute("href", "tel:711");
  });
}

for (const notice of NOTICES) {
  test(`${notice.href} is one click from the home page's footer, and ships no JavaScript`, async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto("/");
    await page.getByRole("navigation", { name: "Policies" }).getByRole("link", { name: notice.name, exact: true }).click();
    await expect(page).toHaveURL(notice.href);
    await expect(page.locator("h1")).toHaveText(notice.heading);
    expect(scripts.filter((url) => new URL(url).pathname.startsWith("/_next")), "scripts on the notice page").toEqual([]);
  });
}

test("/nondiscrimination says whom to contact and where to complain to the U.S. government", async ({ page }) => {
  await page.goto("/nondiscrimination");
  const main = page.locator("main");
  await expect(main).toContainText("We do not discriminate on the basis of race, color, national origin, age, disability, or sex.");
  // No civil-rights contact in clinic.yaml yet: the clinic's own number, which is true.
  await expect(main).toContainText("Call us at 501.224.4001 and tell our staff about your concern.");
  await expect(main.getByRole("link", { name: "501.224.4001" })).toHaveAttribute("href", PHONE_HREF);
  await expect(main.getByRole("link", { name: "Office for Civil Rights Complaint Portal" })).toHaveAttribute(
    "href",
    "https://ocrportal.hhs.gov/ocr/portal/lobby.jsf",
  );
  await expect(main.getByRole("link", { name: "800.368.1019" })).toHaveAttribute("href", "tel:+18003681019");
  await expect(main.getByRole("link", { name: "800.537.7697" })).toHaveAttribute("href", "tel:+18005377697");
  await expect(main).toContainText("200 Independence Avenue SW, Room 509F, HHH Building, Washington, D.C. 20201");
});

test("/language-assistance offers a free interpreter and shows no tagline the clinic's translators have not written", async ({ page }) => {
  await page.goto("/language-assistance");
  const main = page.locator("main");
  await expect(main).toContainText("Call us and ask for an interpreter.");
  await expect(main.getByRole("link", { name: "Call 501.224.4001" })).toHaveAttribute("href", PHONE_HREF);
  await expect(main.getByRole("heading", { name: "In other languages" })).toHaveCount(0);
  await expect(main.locator("[lang]")).toHaveCount(0);
});

test("/contact puts the relay line right under the call button", async ({ page }) => {
  await page.goto("/contact");
  const main = page.locator("main");
  const call = main.getByRole("link", { name: "Call 501.224.4001" });
  const relay = main.getByText("Deaf or hard of hearing?");
  await expect(relay).toHaveText("Deaf or hard of hearing? Call 711 (relay) and ask for 501.224.4001.");
  const [callBox, relayBox] = [await call.boundingBox(), await relay.boundingBox()];
  expect(relayBox!.y - (callBox!.y + callBox!.height), "the relay line sits just below the call button").toBeLessThan(80);
  // Nothing to write to yet: clinic.yaml has no email or address.
  await expect(main).not.toContainText("Write to us");
});
