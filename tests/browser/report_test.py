#!/usr/bin/env python3
"""The HTML report in a real browser: analyses the example (examples/, configured the way
scripts/run-example.sh does it), opens its report in headless Chromium and checks what a reader
relies on: the enum map of trading::OrderState, a finding's link, the rule filter, no console
errors, and an accessibility check (headings, table headers, labels, contrast measured in the page).

usage: report_test.py CONTRACTCHECK SOURCE_DIR WORK_DIR [SCREENSHOT.png]
Exits 77 (skipped) only when Chromium, its driver or Selenium is missing."""
import os
import shutil
import subprocess
import sys

SKIP = 77


def skip(why):
    print(f"SKIPPED: {why}; scripts/setup.sh installs chromium, chromium-driver and python3-selenium")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError:
    skip("python3-selenium is not installed")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not CHROMIUM:
    skip("chromium is not installed")
if not os.path.exists(DRIVER):
    skip("chromium-driver is not installed")

contractcheck, source_dir, work_dir = sys.argv[1:4]
os.makedirs(work_dir, exist_ok=True)
screenshot = sys.argv[4] if len(sys.argv) > 4 else os.path.join(work_dir, "report.png")
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def analyse_example():
    build = os.path.join(work_dir, "example")
    subprocess.run(["cmake", "-S", os.path.join(source_dir, "examples"), "-B", build, "-G", "Ninja"],
                   check=True, stdout=subprocess.DEVNULL)
    report = os.path.join(work_dir, "report.html")
    run = subprocess.run([contractcheck, "-p", build, "--no-cache", "--format", "html",
                          "--output", report], cwd=os.path.join(source_dir, "examples"))
    if run.returncode != 1:  # the example has findings
        sys.exit(f"contractcheck exited {run.returncode}, expected 1 (findings)")
    return report


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                     "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


# Each column's header text and the text of the row's cell, for one enum's table.
COLUMN_CELLS = """
const table = document.querySelector(arguments[0] + ' table');
const heads = Array.from(table.tHead.rows[0].cells);
const row = Array.from(table.tBodies[0].rows).find(r => r.cells[0].textContent.trim() === arguments[1]);
return heads.slice(1).map((h, i) => ({head: h.textContent, cell: row.cells[i + 1].textContent,
  link: (row.cells[i + 1].querySelector('a') || {}).hash || ''}));
"""

# Opens the closed map entries matching a selector (by their summary, as a click does, when
# arguments[1]) and returns once each has been toggled: the page lays an entry's table out in its
# own 'toggle' listener, which the browser calls after the entry opened, and before this one.
OPEN_ENTRIES = """
const done = arguments[arguments.length - 1];
const entries = Array.from(document.querySelectorAll(arguments[0])).filter(d => !d.open);
let pending = entries.length;
if (!pending) return done(0);
for (const d of entries) {
  d.addEventListener('toggle', () => { if (--pending === 0) done(entries.length); }, {once: true});
  if (arguments[1]) d.querySelector('summary').click(); else d.open = true;
}
"""

# Every visible text's contrast against the background it is drawn on (WCAG 2 formula).
CONTRAST = """
function rgb(s){const m=s.match(/[\\d.]+/g).map(Number);return {r:m[0],g:m[1],b:m[2],a:m.length>3?m[3]:1};}
function lum(c){const f=v=>{v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);};
  return 0.2126*f(c.r)+0.7152*f(c.g)+0.0722*f(c.b);}
function background(e){for(;e;e=e.parentElement){const c=rgb(getComputedStyle(e).backgroundColor);
  if(c.a>0)return c;}return {r:255,g:255,b:255,a:1};}
const worst=[];const walker=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT);
for(let n=walker.nextNode();n;n=walker.nextNode()){
  const e=n.parentElement;if(!n.textContent.trim()||!e.getClientRects().length)continue;
  const fg=lum(rgb(getComputedStyle(e).color)),bg=lum(background(e));
  const ratio=(Math.max(fg,bg)+0.05)/(Math.min(fg,bg)+0.05);
  if(ratio<4.5)worst.push(n.textContent.trim().slice(0,40)+' '+ratio.toFixed(2));}
return worst;
"""

HEADINGS = """
const hs=Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'));const problems=[];let last=0;
if(document.querySelectorAll('h1').length!==1)problems.push('not exactly one h1');
for(const h of hs){const level=+h.tagName[1];if(!h.textContent.trim())problems.push('empty '+h.tagName);
  if(level>last+1)problems.push(h.tagName+' after h'+last+': '+h.textContent.slice(0,30));last=level;}
return problems;
"""

TABLE_HEADERS = """
const problems=[];
for(const t of document.querySelectorAll('table')){
  if(!t.caption||!t.caption.textContent.trim())problems.push('table without caption');
  if(!t.tHead)problems.push('table without thead');
  for(const th of t.querySelectorAll('th'))
    if(!['col','row'].includes(th.getAttribute('scope')))problems.push('th without scope: '+th.textContent.slice(0,30));
  for(const r of t.tBodies[0].rows)if(r.cells[0].tagName!=='TH')problems.push('row without header');}
for(const c of document.querySelectorAll('input,select'))
  if(!c.id||!document.querySelector('label[for="'+c.id+'"]'))problems.push('control without label');
return problems;
"""


def main():
    report = analyse_example()
    driver = browser()
    try:
        driver.get("file://" + report)
        order_state = '[data-name="trading::OrderState"]'
        details = driver.find_element(By.CSS_SELECTOR, order_state)
        check(details.get_attribute("open") is None, "the enum map is collapsed by default")
        check(not details.find_elements(By.TAG_NAME, "table"),
              "a map entry's table is laid out only when the entry is first opened")
        driver.set_script_timeout(30)
        driver.execute_async_script(OPEN_ENTRIES, order_state, True)
        columns = driver.execute_script(COLUMN_CELLS, order_state, "Expired")
        switches = [c for c in columns if c["head"].startswith("switch") and "default:" in c["cell"]]
        check(bool(switches), "trading::OrderState: a switch leaves Expired to default:")
        schemas = [c for c in columns if c["head"].startswith("schema")
                   and "orders.openapi.yaml" in c["head"] and "missing" in c["cell"]]
        check(bool(schemas), "trading::OrderState: the OpenAPI schema lacks Expired")
        drifted = [c for c in switches if c["link"]]
        check(bool(drifted), "the drifted switch cell links to its finding")

        if drifted:
            target = drifted[0]["link"][1:]
            driver.find_element(By.CSS_SELECTOR, f'{order_state} a[href="#{target}"]').click()
            in_view = driver.execute_script(
                "const r=document.getElementById(arguments[0]).getBoundingClientRect();"
                "return r.top>=0 && r.top<window.innerHeight;", target)
            rule = driver.find_element(By.ID, target).get_attribute("data-rule")
            check(in_view and rule == "contract-switch-coverage",
                  "the cell's link scrolls to its finding")

        Select(driver.find_element(By.ID, "f-rule")).select_by_value("contract-schema-sync")
        shown = driver.execute_script(
            "return Array.from(document.querySelectorAll('.finding'))"
            ".filter(f=>f.getClientRects().length).map(f=>f.dataset.rule)")
        check(bool(shown) and set(shown) == {"contract-schema-sync"},
              "the rule filter shows only that rule's findings")
        Select(driver.find_element(By.ID, "f-rule")).select_by_value("")

        headings = driver.execute_script(HEADINGS)
        check(not headings, "headings: one h1, no skipped level " + "; ".join(headings))
        # Every map entry open, so every table is laid out and every cell colour measured.
        driver.execute_async_script(OPEN_ENTRIES, "details", False)
        lazy = driver.execute_script("return document.querySelectorAll('script.lazy-table').length")
        check(lazy == 0, "every opened map entry has its table: %d not laid out" % lazy)
        tables = driver.execute_script(TABLE_HEADERS)
        check(not tables, "tables have captions and scoped headers, controls have labels "
              + "; ".join(tables[:5]))
        low = driver.execute_script(CONTRAST)
        check(not low, "text contrast is at least 4.5:1 " + "; ".join(low[:5]))

        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        check(not errors, "no console errors " + "; ".join(e["message"] for e in errors))

        driver.execute_script("document.querySelectorAll('details').forEach(d=>d.open=false)")
        details.find_element(By.TAG_NAME, "summary").click()
        driver.execute_script("arguments[0].scrollIntoView()", details)
        driver.set_window_size(1100, 620)
        driver.save_screenshot(screenshot)
        print("screenshot: " + screenshot)
    finally:
        driver.quit()
    if failures:
        sys.exit(f"{len(failures)} checks failed")


main()
