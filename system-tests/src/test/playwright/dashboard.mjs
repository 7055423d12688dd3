// Drives the gateway's dashboard in Debian's headless Chromium, as a person of the command centre
// would: logs in, waits until every section has rendered, reads what each shows, hovers a
// checkpoint, clicks a station bar (its overdue list) and a case (its timeline), saves a screenshot.
// Input: the JSON in DASHBOARD_RUN (url, username, password, date, screenshot, profile, clicks,
// station: the code of the station whose bar to click, expect: the state awaited per section).
// Output: one JSON line on stdout with what the page showed; DashboardTest asserts on it.
import { chromium } from 'playwright-core';

const run = JSON.parse(process.env.DASHBOARD_RUN);
if (!run.expect || typeof run.expect !== 'object') {
  // the state awaited per section is the test's input, never guessed here
  throw new Error('DASHBOARD_RUN has no expect (section → state): ' + process.env.DASHBOARD_RUN);
}
const SECTIONS = ['map', 'hourly', 'coverage', 'cases', 'personnel', 'party'];
const TIMEOUT = 180_000;

const context = await chromium.launchPersistentContext(run.profile, {
  executablePath: run.chromium,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { sections: {}, console: [] };
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => result.console.push('pageerror: ' + e.message));
  // requests the browser gave up on (not asserted: shown in the test's output to explain a gap)
  result.failedRequests = [];
  page.on('requestfailed', (r) => result.failedRequests.push(r.method() + ' ' + r.url() + ' '
    + (r.failure() ? r.failure().errorText : '')));
  await page.goto(run.url + '/?date=' + run.date + '&refresh=10');
  result.title = await page.title();
  await page.fill('#username', run.username);
  await page.fill('#password', run.password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#board:not([hidden])');
  // the page refreshes every 10 s: a section that timed out on a loaded machine comes back
  try {
    await page.waitForFunction((expect) => Object.entries(expect).every(
      ([n, state]) => document.querySelector('[data-section="' + n + '"]').dataset.state === state), run.expect);
  } catch (e) {
    result.console.push('sections never reached ' + JSON.stringify(run.expect));
  }
  for (const name of SECTIONS) {
    const s = page.locator('[data-section="' + name + '"]');
    result.sections[name] = {
      state: await s.getAttribute('data-state'),
      figures: (await s.locator('[data-figure]').allTextContents()).map(Number),
      unavailable: await s.locator('[data-unavailable]').allTextContents(),
    };
  }
  result.heading = await page.locator('[data-section="map"] h2').textContent();
  if (run.clicks) {
    await page.waitForSelector('#strip [data-event]');
    result.events = await page.locator('#strip [data-event]').count();
    await page.hover('circle.checkpoint');
    result.mapTip = await page.locator('#maptip').textContent();
    // the station's bar (run.station: its code), else the first station with overdue tasks
    const bar = page.locator('[data-section="coverage"] .bar.has-overdue'
      + (run.station ? '[data-station="' + run.station + '"]' : '[data-station]')).first();
    result.clickedStation = await bar.locator('.name').textContent();
    await bar.click();
    await page.waitForSelector('[data-overdue-list] tr td');
    result.overdue = await page.locator('[data-overdue-list] tr td:first-child').allTextContents();
    await page.click('[data-section="cases"] tr.case');
    await page.waitForSelector('[data-timeline] li');
    result.timeline = await page.locator('[data-timeline] li').allTextContents();
  } else {
    await page.waitForSelector('#strip [data-unavailable]');
    result.strip = await page.locator('#strip li').allTextContents();
  }
  await page.screenshot({ path: run.screenshot, fullPage: true });
  await page.click('#lang');
  result.englishHeading = await page.locator('[data-section="map"] h2').textContent();
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
