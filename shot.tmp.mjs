import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const jobs = JSON.parse(process.argv[2]);
for (const [path, width, action, out] of jobs) {
  const page = await browser.newPage({ viewport: { width, height: width < 500 ? 844 : 900 } });
  await page.goto("http://localhost:3000" + path);
  if (action === "menu") await page.locator("header summary").click();
  if (action === "footer") await page.locator("footer").scrollIntoViewIfNeeded();
  if (action === "bottom") await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: `/tmp/shots/${out}.png` });
  await page.close();
}
await browser.close();
