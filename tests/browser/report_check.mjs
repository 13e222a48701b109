// Drives headless Chromium on the historian's report (`cargo run --example
// report -- OUT.html`): fails on any JavaScript error, console error or
// request the page makes beyond its own file; moves the year control and
// checks that the page shows, for every event, what the views computed into
// it say for that year, and that some verdict does change over the years;
// checks the phone and print layouts; and takes screenshots.
//
//   node tests/browser/report_check.mjs REPORT.html [SCREENSHOT_DIR]
//
// Needs `puppeteer-core` (npm; found in the directory `BROWSER_MODULES`
// names, else from here) and a Chromium (`CHROMIUM`, default
// /usr/bin/chromium); `.ci/run` installs both.

import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const modules = process.env.BROWSER_MODULES || process.cwd();
const puppeteer = createRequire(path.join(path.resolve(modules), "package.json"))("puppeteer-core");

const [report, shots] = process.argv.slice(2);
if (!report) {
  console.error("usage: report_check.mjs REPORT.html [SCREENSHOT_DIR]");
  process.exit(2);
}
const url = pathToFileURL(path.resolve(report)).href;
const problems = [];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => problems.push(`JavaScript error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
  page.on("request", (r) => {
    if (r.url() !== url && !r.url().startsWith("data:")) problems.push(`request beyond the page: ${r.url()}`);
  });
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(url, { waitUntil: "load" });

  const data = await page.evaluate(() => JSON.parse(document.getElementById("views").textContent));
  const keys = Object.keys(data.events);
  if (data.years.length < 2) problems.push(`the year control offers ${data.years.length} years`);
  if (keys.length === 0) problems.push("no event in the views");

  // What the page shows for every event now.
  const shown = () =>
    page.evaluate((keys) => {
      const out = {};
      for (const key of keys) {
        const article = document.getElementById("event-" + key);
        if (!article) continue;
        const leader = document.querySelector(`td.leader[data-event="${CSS.escape(key)}"]`);
        out[key] = {
          leader: leader ? leader.textContent : null,
          lead: article.querySelector(".lead").textContent,
          rows: [...article.querySelectorAll("table.standings tbody tr")].map((tr) =>
            [...tr.querySelectorAll("td")].map((td) => td.textContent),
          ),
          later: [...article.querySelectorAll("ul.claims li.later")].map((li) => li.dataset.claim),
          all: [...article.querySelectorAll("ul.claims li[data-claim]")].map((li) => li.dataset.claim),
        };
      }
      return out;
    }, keys);
  const moveTo = (index) =>
    page.evaluate((index) => {
      const range = document.getElementById("year");
      range.value = String(index);
      range.dispatchEvent(new Event("input", { bubbles: true }));
      return document.getElementById("year-out").textContent;
    }, index);

  let changes = 0;
  let previous = null;
  for (let index = 0; index < data.years.length; index++) {
    const label = await moveTo(index);
    if (label !== String(data.years[index])) problems.push(`year ${index}: the control shows ${label}`);
    const now = await shown();
    for (const key of keys) {
      const view = data.events[key][index];
      const on = now[key];
      if (!on) {
        problems.push(`event ${key} has no section`);
        continue;
      }
      if (on.lead !== view.lead) problems.push(`${data.years[index]} ${key}: lead "${on.lead}", data "${view.lead}"`);
      if (on.leader !== view.leader) problems.push(`${data.years[index]} ${key}: overview shows "${on.leader}", data "${view.leader}"`);
      const want = JSON.stringify(view.rows);
      if (JSON.stringify(on.rows) !== want) problems.push(`${data.years[index]} ${key}: standings differ from the data`);
      const inView = new Set(view.claims);
      for (const claim of on.all) {
        if (inView.has(claim) === on.later.includes(claim)) {
          problems.push(`${data.years[index]} ${key}: claim ${claim} shown ${inView.has(claim) ? "out of" : "in"} view`);
        }
      }
      if (previous && JSON.stringify(previous[key].rows) !== JSON.stringify(on.rows)) changes++;
    }
    previous = now;
  }
  if (changes === 0) problems.push("no verdict changed as the year moved");
  console.log(`report_check: ${data.years.length} years (${data.years[0]}–${data.years.at(-1)}), ${keys.length} events, ${changes} changes of standings seen`);

  if (shots) {
    await moveTo(data.years.length - 1);
    await page.screenshot({ path: path.join(shots, "report.png"), clip: { x: 0, y: 0, width: 1200, height: 900 } });
    const earliest = data.years.findIndex((y) => y >= 1990);
    await moveTo(earliest < 0 ? 0 : earliest);
    const article = (await page.$("#event-sino-soviet-split")) || (await page.$("article.event"));
    if (article) await article.screenshot({ path: path.join(shots, "report-event.png") });
  }

  // A phone: nothing but the pictures (which scroll in their frames) is
  // wider than the screen.
  await page.setViewport({ width: 390, height: 844, isMobile: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push(`on a phone the page is ${overflow}px wider than the screen`);
  if (shots) await page.screenshot({ path: path.join(shots, "report-phone.png") });

  // Print: the year control is left out.
  await page.emulateMediaType("print");
  const control = await page.evaluate(() => getComputedStyle(document.getElementById("year-control")).display);
  if (control !== "none") problems.push(`the year control prints (display: ${control})`);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.slice(0, 40).join("\n"));
  console.error(`report_check: ${problems.length} problems`);
  process.exit(1);
}
console.log("report_check: 1 passed, 0 failed");
