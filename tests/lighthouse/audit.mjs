// Lighthouse (mobile, simulated throttling) on each page given as JSON on stdin:
// [{"name", "url", "private", "failSubmit", "errorPage"}]. Prints one JSON line of results.
// A page with failSubmit is also audited after its form is sent empty (a snapshot).
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const pages = JSON.parse(readFileSync(0, "utf8"));
const categories = ["performance", "accessibility", "best-practices", "seo"];
const lost = (result) => result.failing.some((line) => line.includes("NO_NAVSTART"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
  headless: true,
});
async function audit(spec) {
  const results = [];
  const page = await browser.newPage();
  const config = {
    extends: "lighthouse:default",
    settings: {
      onlyCategories: categories,
      // A candidate's own pages are noindex on purpose (README "Security").
      skipAudits: spec.private ? ["is-crawlable"] : [],
    },
  };
  const flow = await startFlow(page, { config });
  if (spec.errorPage) {
    // Lighthouse will not time a page answered 404 or 410: its content is audited as is.
    await page.goto(spec.url);
    await flow.snapshot({ name: spec.name });
  } else {
    await flow.navigate(spec.url, { name: spec.name });
  }
  if (spec.failSubmit) {
    await page.click(".quiz-nav .submit");
    await page.waitForSelector(".error-summary");
    await flow.snapshot({ name: `${spec.name} after a failed submit` });
  }
  const flowResult = await flow.createFlowResult();
  for (const step of flowResult.steps) {
    const lhr = step.lhr;
    const failing = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (audit.scoreDisplayMode === "error") {
          failing.push(`${id}/${ref.id} could not run: ${audit.errorMessage}`);
        } else if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push(`${id}/${ref.id} ${audit.score} ${audit.displayValue || ""}`.trim());
        }
      }
    }
    results.push({
      name: step.name,
      mode: lhr.gatherMode,
      error: lhr.runtimeError ? lhr.runtimeError.message : null,
      warnings: lhr.runWarnings,
      scores: Object.fromEntries(
        Object.entries(lhr.categories).map(([id, category]) => [id, category.score]),
      ),
      failing,
    });
  }
  await page.close();
  return results;
}

// Chromium's trace of a load is now and then lost ("NO_NAVSTART"); such a run measured
// nothing, so it is repeated (twice at most) rather than counted.
const results = [];
for (const spec of pages) {
  let attempt = await audit(spec);
  for (let again = 0; again < 2 && attempt.some(lost); again++) {
    attempt = await audit(spec);
  }
  results.push(...attempt);
}
await browser.close();
console.log(JSON.stringify(results));
